import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { AppError } from '../../../common/src';
import {
  INSTANCE_COLUMNS,
  InstancesRepository,
  toInstanceRow,
  type InstanceRow,
  type RawInstance,
} from '../persistence/instances.repository';
import { isUuid } from '../persistence/uuid';
import type { WorkflowCommand } from '../commands/workflow-command';
import { WorkflowCommands } from '../commands/workflow.commands';
import { CommandExecutor } from '../runtime/command.executor';
import { instanceForJob, outcomeOf } from './job-command';
import { CLAIMABLE } from './job-ownership';
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
    if (job.kind === 'timer') return this.complete(job, WorkflowCommands.fireTimer(jobId), { claimed: false });
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
      if (!job.instance_id)
        return this.failures.failed(job, this.workerId, new Error(`No handler for job kind "${job.kind}"`));
      return this.failures.incident(job, this.workerId, 'HANDLER_NOT_FOUND', `No handler for job kind "${job.kind}"`);
    }

    const topic = job.topic ?? job.element_id;
    const handler = this.registry.get(topic);
    if (!handler)
      return this.failures.incident(
        job,
        this.workerId,
        'HANDLER_NOT_FOUND',
        `No service-task handler for topic "${topic}"`,
      );
    let output: Record<string, unknown> | void;
    try {
      output = await handler(this.handlerContext(job));
    } catch (error) {
      if (error instanceof BpmnError) {
        const { code, message } = error;
        return this.complete(job, WorkflowCommands.throwBpmnError(jobId, this.workerId, code, message));
      }
      return this.failures.failed(job, this.workerId, error);
    }
    const variables = output && typeof output === 'object' ? output : undefined;
    return this.complete(job, WorkflowCommands.completeServiceTask(jobId, this.workerId, variables));
  }

  /**
   * `pending`, or `running` with an expired lock (its worker died) → `running`, owned by us. For
   * the engine's kinds the same round trip reads the instance, which the command then uses. A
   * timer is only read: its firing is a pure engine command whose write claims and finishes the
   * job at once (`complete` with `claimed: false`), so it costs one commit instead of two.
   */
  private async claim(jobId: string): Promise<RunnableJob | undefined> {
    const rows = await this.executor.sql.rows<ClaimedJob & RawInstance>(
      `WITH c AS (UPDATE jobs SET status = 'running', locked_by = $2, locked_until = now() + make_interval(secs => $3),
           attempts = attempts + 1, updated_at = now()
         WHERE id = $1 AND kind <> 'timer' AND ${CLAIMABLE}
         RETURNING ${JOB_COLUMNS}),
       t AS (SELECT ${JOB_COLUMNS} FROM jobs WHERE id = $1 AND kind = 'timer' AND ${CLAIMABLE}),
       j AS (SELECT * FROM c UNION ALL SELECT * FROM t)
       SELECT j.*, ${INSTANCE_COLUMNS} FROM j LEFT JOIN process_instances i ON i.id = j.instance_id AND j.kind IN ('timer', 'service')`,
      [jobId, this.workerId, this.config.jobLockMs / 1000],
    );
    return rows[0] && toRunnable(rows[0]);
  }

  /** Claims a job the plain way (a timer whose firing failed, before its failure is recorded). */
  private async claimOnly(jobId: string): Promise<ClaimedJob | undefined> {
    const rows = await this.executor.sql.rows<ClaimedJob>(
      `UPDATE jobs SET status = 'running', locked_by = $2, locked_until = now() + make_interval(secs => $3), attempts = attempts + 1, updated_at = now()
       WHERE id = $1 AND ${CLAIMABLE} RETURNING ${JOB_COLUMNS}`,
      [jobId, this.workerId, this.config.jobLockMs / 1000],
    );
    return rows[0];
  }

  /** What a service handler sees: the instance as the claim read it (a copy: the handler may not change the command's input). */
  private handlerContext(job: RunnableJob): ServiceTaskContext {
    return {
      instanceId: job.instance_id ?? '',
      businessKey: job.instance?.businessKey ?? null,
      elementId: job.element_id,
      variables: structuredClone(job.instance?.state.variables ?? {}),
      jobId: job.id,
      attempt: job.attempts,
    };
  }

  /**
   * Applies the job's result in one command whose write also finishes the job: if it is still
   * ours (`claimed`), or, for a timer that was only read, if it is still claimable (the write
   * claims it). A failure of an unclaimed timer claims it first, then is recorded as any other.
   */
  private async complete(job: RunnableJob, command: WorkflowCommand, { claimed = true } = {}): Promise<JobOutcome> {
    try {
      const change = await this.executor.execute(null, async (sql, attempt) => {
        // After a lost race, the job may have been cancelled (an interrupting event) or taken over.
        const instance = await instanceForJob(
          sql,
          this.instances,
          job,
          attempt,
          claimed ? this.workerId : null,
          job.instance,
        );
        if (!instance) throw new JobNoLongerOurs();
        return { instance, command };
      });
      return outcomeOf(change);
    } catch (error) {
      if (error instanceof JobNoLongerOurs) return { kind: 'skipped' };
      const owned = claimed ? job : await this.claimOnly(job.id);
      if (!owned) return { kind: 'skipped' };
      // The engine refusing the job is not cured by waiting: open an incident now.
      if (error instanceof AppError && error.status < 500) {
        return this.failures.incident(owned, this.workerId, error.code, error.message);
      }
      this.logger.warn(`job ${job.id} (${job.element_id}) failed: ${String(error)}`);
      return this.failures.failed(owned, this.workerId, error);
    }
  }
}

/** The job was cancelled or taken over while its handler ran: its result is dropped. */
class JobNoLongerOurs extends Error {}

/** A job row as `JobRunner.claim` returns it, with its instance for the engine's kinds. */
type RunnableJob = ClaimedJob & { instance: InstanceRow | null };

const JOB_COLUMNS = 'id, instance_id, task_id, definition_id, payload, kind, element_id, topic, attempts, max_attempts';

function toRunnable(row: ClaimedJob & RawInstance): RunnableJob {
  const { id, instance_id, task_id, definition_id, payload, kind, element_id, topic, attempts, max_attempts } = row;
  return {
    id,
    instance_id,
    task_id,
    definition_id,
    payload,
    kind,
    element_id,
    topic,
    attempts,
    max_attempts,
    instance: toInstanceRow(row),
  };
}
