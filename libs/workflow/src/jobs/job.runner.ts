import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { AppError } from '../../../common/src';
import { INSTANCE_COLUMNS, InstancesRepository, toInstanceRow, type InstanceRow, type RawInstance } from '../persistence/instances.repository';
import type { Sql } from '../persistence/sql';
import { isUuid } from '../persistence/uuid';
import { CommandExecutor, type EngineCommand } from '../runtime/command.executor';
import { Engine } from '../runtime/engine.port';
import { WORKFLOW_CONFIG, type WorkflowConfig } from '../workflow.config';
import { BpmnError } from './bpmn.error';
import { JobFailureRecorder } from './job-failure.recorder';
import { JobKindRegistry } from './job-kind.registry';
import type { ClaimedJob, JobOutcome } from './job.row';
import { ServiceTaskRegistry, type ServiceTaskContext } from './service-task.registry';

/**
 * Runs one job row, whoever delivered it (BullMQ, the reconciler, a test). Claiming is an
 * atomic UPDATE, so a duplicate or stale delivery does nothing; the handler runs outside any
 * transaction, and its result is applied by a normal command that also marks the job done.
 */
@Injectable()
export class JobRunner {
  /** Identifies this process in `jobs.locked_by`. */
  readonly workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly logger = new Logger(JobRunner.name);

  constructor(
    private readonly executor: CommandExecutor,
    private readonly instances: InstancesRepository,
    private readonly registry: ServiceTaskRegistry,
    private readonly failures: JobFailureRecorder,
    private readonly kinds: JobKindRegistry,
    @Inject(WORKFLOW_CONFIG) private readonly config: WorkflowConfig,
  ) {}

  async run(jobId: string): Promise<JobOutcome> {
    if (!isUuid(jobId)) return { kind: 'skipped' };
    const job = await this.claim(jobId);
    if (!job) return { kind: 'skipped' };
    if (job.kind === 'timer') return this.complete(job, (m, s, ctx) => Engine.fireTimer(m, s, { jobId }, ctx));
    const kindHandler = this.kinds.get(job.kind);
    if (kindHandler) {
      try {
        return await kindHandler(job, this.workerId);
      } catch (error) {
        this.logger.warn(`job ${job.id} (${job.kind}) failed: ${String(error)}`);
        return this.failures.failed(job, this.workerId, error);
      }
    }
    if (job.kind !== 'service') {
      if (!job.instance_id) return this.failures.failed(job, this.workerId, new Error(`No handler for job kind "${job.kind}"`));
      return this.failures.incident(job, this.workerId, 'HANDLER_NOT_FOUND', `No handler for job kind "${job.kind}"`);
    }

    const topic = job.topic ?? job.element_id;
    const handler = this.registry.get(topic);
    if (!handler) return this.failures.incident(job, this.workerId, 'HANDLER_NOT_FOUND', `No service-task handler for topic "${topic}"`);
    let output: Record<string, unknown> | void;
    try {
      output = await handler(this.handlerContext(job));
    } catch (error) {
      if (error instanceof BpmnError) {
        const { code, message } = error;
        return this.complete(job, (m, s, ctx) => Engine.throwError(m, s, { jobId, errorCode: code, message }, ctx));
      }
      return this.failures.failed(job, this.workerId, error);
    }
    const variables = output && typeof output === 'object' ? output : undefined;
    return this.complete(job, (m, s, ctx) => Engine.completeJob(m, s, { jobId, variables }, ctx));
  }

  /**
   * `pending`, or `running` with an expired lock (its worker died) → `running`, owned by us. For
   * the engine's kinds the same round trip reads the instance, which the command then uses.
   */
  private async claim(jobId: string): Promise<(ClaimedJob & { instance: InstanceRow | null }) | undefined> {
    const rows = await this.executor.sql.rows<ClaimedJob & RawInstance>(
      `WITH c AS (UPDATE jobs SET status = 'running', locked_by = $2, locked_until = now() + make_interval(secs => $3),
           attempts = attempts + 1, updated_at = now()
         WHERE id = $1 AND (status = 'pending' OR (status = 'running' AND locked_until < now()))
         RETURNING id, instance_id, task_id, definition_id, payload, kind, element_id, topic, attempts, max_attempts)
       SELECT c.*, ${INSTANCE_COLUMNS} FROM c LEFT JOIN process_instances i ON i.id = c.instance_id AND c.kind IN ('timer', 'service')`,
      [jobId, this.workerId, this.config.jobLockMs / 1000],
    );
    const row = rows[0];
    if (!row) return undefined;
    const { id, instance_id, task_id, definition_id, payload, kind, element_id, topic, attempts, max_attempts } = row;
    return { id, instance_id, task_id, definition_id, payload, kind, element_id, topic, attempts, max_attempts, instance: toInstanceRow(row) };
  }

  /** What a service handler sees: the instance as the claim read it (a copy: the handler may not change the command's input). */
  private handlerContext(job: ClaimedJob & { instance: InstanceRow | null }): ServiceTaskContext {
    return {
      instanceId: job.instance_id ?? '',
      businessKey: job.instance?.businessKey ?? null,
      elementId: job.element_id,
      variables: structuredClone(job.instance?.state.variables ?? {}),
      jobId: job.id,
      attempt: job.attempts,
    };
  }

  /** Applies the job's result in one command whose write also marks the job done (if it is still ours). */
  private async complete(job: ClaimedJob & { instance: InstanceRow | null }, command: EngineCommand): Promise<JobOutcome> {
    try {
      const change = await this.executor.execute(null, async (sql, attempt) => {
        // After a lost race, the job may have been cancelled (an interrupting event) or taken over.
        if (attempt > 1 && !(await this.stillOurs(sql, job))) throw new JobNoLongerOurs();
        if (!job.instance_id) throw new JobNoLongerOurs();
        // The claim read the instance; after a lost race it changed, so read it again.
        const instance = attempt === 1 ? job.instance : await this.instances.load(sql, job.instance_id);
        if (!instance || (instance.status !== 'running' && instance.status !== 'incident')) throw new JobNoLongerOurs();
        return {
          instance,
          command,
          jobId: job.id,
          guards: (st, afterInstance, result) => {
            // An uncaught BPMN error leaves the token waiting on the job: keep it retryable.
            const incident = result.effects.find((effect) => effect.type === 'incident');
            return [
              st.add(
                `UPDATE jobs SET status = ${st.param(incident ? 'failed' : 'done')}, last_error = ${st.param(incident?.message ?? null, '::text')},
                   locked_by = NULL, locked_until = NULL, updated_at = now()
                 WHERE id = ${st.param(job.id, '::uuid')} AND status = 'running' AND locked_by = ${st.param(this.workerId)} AND ${afterInstance}
                 RETURNING id`,
                'job_done',
              ),
            ];
          },
        };
      });
      const incident = change.effects.find((effect) => effect.type === 'incident');
      return incident ? { kind: 'incident', code: incident.code } : { kind: 'done' };
    } catch (error) {
      if (error instanceof JobNoLongerOurs) return { kind: 'skipped' };
      // The engine refusing the job is not cured by waiting: open an incident now.
      if (error instanceof AppError && error.status < 500) {
        return this.failures.incident(job, this.workerId, error.code, error.message);
      }
      this.logger.warn(`job ${job.id} (${job.element_id}) failed: ${String(error)}`);
      return this.failures.failed(job, this.workerId, error);
    }
  }

  private async stillOurs(sql: Sql, job: ClaimedJob): Promise<boolean> {
    const rows = await sql.rows(`SELECT 1 FROM jobs WHERE id = $1 AND status = 'running' AND locked_by = $2`, [job.id, this.workerId]);
    return rows.length > 0;
  }
}

/** The job was cancelled or taken over while its handler ran: its result is dropped. */
class JobNoLongerOurs extends Error {}
