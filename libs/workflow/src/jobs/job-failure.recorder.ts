import { Inject, Injectable } from '@nestjs/common';
import { CommandExecutor } from '../runtime/command.executor';
import { WORKFLOW_CONFIG, type WorkflowConfig } from '../workflow.config';
import type { ClaimedJob, JobOutcome } from './job.row';

const MAX_ERROR_LENGTH = 2000;

/**
 * A failed run: back to `pending` with a doubling backoff while attempts remain, else the job
 * is `failed`, an incident is opened and the instance shows `incident` (DESIGN §3).
 */
@Injectable()
export class JobFailureRecorder {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(WORKFLOW_CONFIG) private readonly config: WorkflowConfig,
  ) {}

  async failed(job: ClaimedJob, workerId: string, error: unknown): Promise<JobOutcome> {
    const message = describe(error);
    if (job.attempts >= job.max_attempts) return this.incident(job, workerId, 'JOB_FAILED', message);
    const at = new Date(this.executor.now().getTime() + this.config.jobBackoffMs * 2 ** Math.max(0, job.attempts - 1));
    const moved = await this.executor.transaction(async (tx) =>
      tx.rows(
        `WITH j AS (
           UPDATE jobs SET status = 'pending', due_at = $3, last_error = $4, locked_by = NULL, locked_until = NULL, updated_at = now()
           WHERE id = $1 AND status = 'running' AND locked_by = $2 RETURNING id, instance_id, element_id),
         h AS (
           INSERT INTO history_events (instance_id, at, type, element_id, actor, data)
           SELECT instance_id, $5, 'job.failed', element_id, NULL, $6::jsonb FROM j WHERE instance_id IS NOT NULL)
         SELECT id FROM j`,
        [
          job.id,
          workerId,
          at,
          message,
          this.executor.now(),
          JSON.stringify({ jobId: job.id, attempt: job.attempts, retryAt: at, error: message }),
        ],
      ),
    );
    return moved.length ? { kind: 'retry', at } : { kind: 'skipped' };
  }

  /** Opens an incident at once (unknown topic, an engine refusal, or no attempts left). */
  async incident(job: ClaimedJob, workerId: string, code: string, message: string): Promise<JobOutcome> {
    return this.executor.transaction(async (tx) => {
      const now = this.executor.now();
      // A job of no instance (a timer start) has nowhere to show an incident: it stays failed, with its error.
      if (!job.instance_id) {
        await tx.rows(
          `UPDATE jobs SET status = 'failed', last_error = $3, locked_by = NULL, locked_until = NULL, updated_at = now()
           WHERE id = $1 AND status = 'running' AND locked_by = $2`,
          [job.id, workerId, `${code}: ${message}`],
        );
        return { kind: 'incident', code } as const;
      }
      await tx.rows(`SELECT id FROM process_instances WHERE id = $1 FOR UPDATE`, [job.instance_id]);
      const marked = await tx.rows(
        `UPDATE jobs SET status = 'failed', last_error = $3, locked_by = NULL, locked_until = NULL, updated_at = now()
         WHERE id = $1 AND status = 'running' AND locked_by = $2 RETURNING id`,
        [job.id, workerId, message],
      );
      if (!marked.length) return { kind: 'skipped' } as const;
      await tx.rows(
        `WITH i AS (
           INSERT INTO incidents (instance_id, job_id, element_id, code, message, status, created_at)
           VALUES ($1, $2, $3, $4, $5, 'open', $6) RETURNING id),
         h AS (
           INSERT INTO history_events (instance_id, at, type, element_id, actor, data)
           SELECT $1, $6, 'incident.created', $3, NULL, jsonb_build_object('incidentId', i.id, 'jobId', $2::uuid, 'code', $4::text, 'message', $5::text) FROM i)
         UPDATE process_instances SET status = 'incident', rev = rev + 1 WHERE id = $1 AND status = 'running'`,
        [job.instance_id, job.id, job.element_id, code, message, now],
      );
      return { kind: 'incident', code } as const;
    });
  }
}

function describe(error: unknown): string {
  const text =
    error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
  return text.slice(0, MAX_ERROR_LENGTH);
}
