import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { CommandTx } from '../persistence/command.tx';
import { finishJob } from './job-ownership';
import { WORKFLOW_CONFIG, type WorkflowConfig } from '../workflow.config';

/** A job another module wants run at a time, e.g. libs/dossiers' `appointment.reminder`. */
export interface JobRequest {
  kind: string;
  instanceId: string;
  /** What the job is about, for logs and incidents (e.g. `appointment`). */
  elementId: string;
  dueAt: Date;
  payload?: Record<string, unknown>;
  /** Give a stable id to make scheduling idempotent (a second schedule of that id is ignored). */
  id?: string;
}

/**
 * Schedules jobs of other modules inside their transaction (`RuntimeService.transaction`): the
 * row commits with their own, and goes on BullMQ after commit. Register the kind's handler with
 * `JobKindRegistry`.
 */
@Injectable()
export class JobScheduler {
  constructor(@Inject(WORKFLOW_CONFIG) private readonly config: WorkflowConfig) {}

  /** Returns the job id, or null when a job of that id already exists. */
  async schedule(tx: CommandTx, request: JobRequest): Promise<string | null> {
    const id = request.id ?? randomUUID();
    const inserted = await tx.rows(
      `INSERT INTO jobs (id, instance_id, kind, element_id, due_at, status, max_attempts, payload, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'pending', $6, $7::jsonb, now(), now()) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [
        id,
        request.instanceId,
        request.kind,
        request.elementId,
        request.dueAt,
        this.config.jobMaxAttempts,
        request.payload ? JSON.stringify(request.payload) : null,
      ],
    );
    if (!inserted.length) return null;
    tx.toEnqueue.push({ id, dueAt: request.dueAt });
    return id;
  }

  /**
   * For a `JobKindRegistry` handler: marks its claimed job done if it is still ours. Call it in
   * the transaction that writes the job's effect and write the effect only when it returns true,
   * so a redelivery or a takeover never repeats it.
   */
  finish(tx: CommandTx, jobId: string, workerId: string): Promise<boolean> {
    return finishJob(tx, jobId, workerId);
  }

  /** Cancels pending jobs of a kind for an instance (e.g. the reminder once the dossier is returned); returns their ids. */
  async cancel(tx: CommandTx, instanceId: string, kind: string): Promise<string[]> {
    const rows = await tx.rows<{ id: string }>(
      `UPDATE jobs SET status = 'cancelled', updated_at = now() WHERE instance_id = $1 AND kind = $2 AND status = 'pending' RETURNING id`,
      [instanceId, kind],
    );
    const ids = rows.map((row) => row.id);
    tx.toDequeue.push(...ids);
    return ids;
  }
}
