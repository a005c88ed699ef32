import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { AppError } from '../../../common/src';
import { JobFailureRecorder } from '../jobs/job-failure.recorder';
import { JobKindRegistry } from '../jobs/job-kind.registry';
import type { ClaimedJob, JobOutcome } from '../jobs/job.row';
import type { CommandTx } from '../persistence/command.tx';
import { InstancesRepository } from '../persistence/instances.repository';
import type { WorkflowCommand } from '../commands/workflow-command';
import { WorkflowCommands } from '../commands/workflow.commands';
import { instanceForJob, outcomeOf } from '../jobs/job-command';
import { finishJob } from '../jobs/job-ownership';
import { CommandExecutor } from '../runtime/command.executor';
import { RuntimeService } from '../services/runtime.service';
import { WORKFLOW_CONFIG, type WorkflowConfig } from '../workflow.config';
import { uncaughtEscalations } from './call-activity.listener';
import { callChainLength } from './call-tree.reader';
import {
  CALL_CANCEL,
  CALL_COMPLETE,
  CALL_ESCALATE,
  CALL_FAIL,
  CALL_START,
  type CallCancelPayload,
  type CallCompletePayload,
  type CallEscalatePayload,
  type CallFailPayload,
  type CallStartPayload,
} from './call-job.kinds';

const ACTIVE = `status IN ('running', 'incident')`;

/**
 * Runs the call-activity jobs. `call.start` starts the child (latest version of the key, the
 * parent's business key and unit) in one transaction with finishing the job, after locking the
 * parent and checking it still waits on that call; the unique `parent_call_id` makes a second
 * child impossible. `call.complete` is an ordinary engine command on the parent whose write also
 * finishes the job, so it applies once; so is `call.fail` (the child's uncaught error end, thrown at
 * the call activity), after which the child is cancelled. `call.cancel` cancels a running child.
 */
@Injectable()
export class CallJobsHandler implements OnModuleInit {
  constructor(
    private readonly kinds: JobKindRegistry,
    private readonly executor: CommandExecutor,
    private readonly runtime: RuntimeService,
    private readonly instances: InstancesRepository,
    private readonly failures: JobFailureRecorder,
    @Inject(WORKFLOW_CONFIG) private readonly config: WorkflowConfig,
  ) {}

  onModuleInit(): void {
    this.kinds.register(CALL_START, (job, workerId) => this.start(job, workerId));
    this.kinds.register(CALL_COMPLETE, (job, workerId) => this.complete(job, workerId));
    this.kinds.register(CALL_CANCEL, (job, workerId) => this.cancel(job, workerId));
    this.kinds.register(CALL_FAIL, (job, workerId) => this.fail(job, workerId));
    this.kinds.register(CALL_ESCALATE, (job, workerId) => this.escalate(job, workerId));
  }

  private async start(job: ClaimedJob, workerId: string): Promise<JobOutcome> {
    const payload = job.payload as unknown as CallStartPayload;
    // The child would sit at depth = the caller's chain length (a root's child is at depth 1).
    const depth = job.instance_id
      ? await callChainLength(this.executor.sql, job.instance_id, this.config.callDepthMax)
      : 1;
    if (depth > this.config.callDepthMax) {
      return this.failures.incident(
        job,
        workerId,
        'CALL_DEPTH_EXCEEDED',
        `Calls are nested more than ${this.config.callDepthMax} deep: '${payload.calledElement}' was not started`,
      );
    }
    return this.executor.transaction(async (tx) => {
      // The parent first (commands lock the instance before its jobs), and only while it still waits on this call.
      const waiting = JSON.stringify([{ wait: { kind: 'call', ref: payload.callId } }]);
      const parent = await tx.one(
        `SELECT id FROM process_instances WHERE id = $1 AND ${ACTIVE} AND state->'tokens' @> $2::jsonb FOR UPDATE`,
        [job.instance_id, waiting],
      );
      if (!(await this.finish(tx, job, workerId))) return { kind: 'skipped' } as const;
      if (!parent) return { kind: 'done' } as const; // the call was interrupted meanwhile
      const child = await this.runtime.start(
        payload.calledElement,
        { businessKey: payload.businessKey ?? undefined, variables: payload.variables },
        { username: null, unitCode: payload.unitCode },
        { tx },
      );
      await tx.rows(`UPDATE process_instances SET parent_instance_id = $2, parent_call_id = $3 WHERE id = $1`, [
        child.instanceId,
        job.instance_id,
        payload.callId,
      ]);
      // It ran without waiting before it was linked, so its listener wrote nothing to the parent:
      // what it did (completed, escalated, failed) goes to the call now.
      const escalations = uncaughtEscalations(child.effects);
      const toParent = async (kind: string, body: object) => {
        const [row] = await tx.rows<{ id: string; due_at: Date }>(
          `INSERT INTO jobs (id, instance_id, kind, element_id, due_at, status, max_attempts, payload, created_at, updated_at)
           VALUES (gen_random_uuid(), $1, $4, $2, now(), 'pending', $3, $5::jsonb, now(), now()) RETURNING id, due_at`,
          [job.instance_id, job.element_id, job.max_attempts, kind, JSON.stringify(body)],
        );
        tx.toEnqueue.push({ id: row.id, dueAt: row.due_at });
      };
      if (child.status === 'completed') {
        const completion: CallCompletePayload = { callId: payload.callId, variables: child.variables };
        if (escalations.length > 0) completion.escalations = escalations;
        await toParent(CALL_COMPLETE, completion);
      } else {
        for (const escalationCode of escalations)
          await toParent(CALL_ESCALATE, { callId: payload.callId, escalationCode } satisfies CallEscalatePayload);
        // An error end reached at once (the child is stuck on its incident): thrown at the call, as later ones are.
        for (const effect of child.effects) {
          if (effect.type !== 'history' || effect.record.type !== 'error.uncaught') continue;
          const errorCode = String(effect.record.data?.errorCode ?? '');
          await toParent(CALL_FAIL, {
            callId: payload.callId,
            errorCode,
            childInstanceId: child.instanceId,
          } satisfies CallFailPayload);
        }
      }
      return { kind: 'done' } as const;
    });
  }

  private complete(job: ClaimedJob, workerId: string): Promise<JobOutcome> {
    const payload = job.payload as unknown as CallCompletePayload;
    return this.applyToParent(
      job,
      workerId,
      WorkflowCommands.completeCall(job.id, workerId, payload.callId, payload.variables, payload.escalations),
    );
  }

  /** The child's uncaught escalation is thrown at the call activity (an interrupting catch cancels the child by `call.cancel`). */
  private escalate(job: ClaimedJob, workerId: string): Promise<JobOutcome> {
    const payload = job.payload as unknown as CallEscalatePayload;
    return this.applyToParent(
      job,
      workerId,
      WorkflowCommands.escalateCall(job.id, workerId, payload.callId, payload.escalationCode),
    );
  }

  /** The child's uncaught error end is thrown at the call activity; the child, stuck on it, is then cancelled. */
  private async fail(job: ClaimedJob, workerId: string): Promise<JobOutcome> {
    const payload = job.payload as unknown as CallFailPayload;
    const outcome = await this.applyToParent(
      job,
      workerId,
      WorkflowCommands.failCall(job.id, workerId, payload.callId, payload.errorCode),
    );
    const [child] = await this.executor.sql.rows<{ id: string }>(
      `SELECT id FROM process_instances WHERE id = $1 AND ${ACTIVE}`,
      [payload.childInstanceId],
    );
    if (child)
      await this.runtime.cancel(child.id, `BPMN error '${payload.errorCode}' handed to the calling instance`, {
        username: null,
      });
    return outcome;
  }

  /** One engine command on the parent whose write also finishes the job (so it applies once). */
  private async applyToParent(job: ClaimedJob, workerId: string, command: WorkflowCommand): Promise<JobOutcome> {
    try {
      const change = await this.executor.execute(null, async (sql, attempt) => {
        const instance = await instanceForJob(sql, this.instances, job, attempt, workerId);
        if (!instance) throw new CallGone();
        return { instance, command };
      });
      return outcomeOf(change);
    } catch (error) {
      // The parent no longer waits (cancelled, interrupted): nothing to apply.
      if (error instanceof CallGone || (error instanceof AppError && error.code === 'CALL_NOT_FOUND')) {
        await this.executor.transaction((tx) => this.finish(tx, job, workerId));
        return { kind: 'done' };
      }
      throw error;
    }
  }

  private async cancel(job: ClaimedJob, workerId: string): Promise<JobOutcome> {
    const payload = job.payload as unknown as CallCancelPayload;
    const [child] = await this.executor.sql.rows<{ id: string }>(
      `SELECT id FROM process_instances WHERE parent_call_id = $1 AND ${ACTIVE}`,
      [payload.callId],
    );
    return this.executor.transaction(async (tx) => {
      if (!(await this.finish(tx, job, workerId))) return { kind: 'skipped' } as const;
      if (child)
        await this.runtime.cancel(child.id, 'The calling instance no longer waits for it', { username: null }, { tx });
      return { kind: 'done' } as const;
    });
  }

  /** Marks the job done if it is still ours. */
  private finish(tx: CommandTx, job: ClaimedJob, workerId: string): Promise<boolean> {
    return finishJob(tx, job.id, workerId);
  }
}

/** The parent no longer runs, or the job was taken over. */
class CallGone extends Error {}
