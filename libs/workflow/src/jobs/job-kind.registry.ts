import { Injectable } from '@nestjs/common';
import type { ClaimedJob, JobOutcome } from './job.row';

/**
 * Runs a claimed job of one kind. It must finish the row itself in the same statement or
 * transaction as its effect, guarded by `status = 'running' AND locked_by = workerId`, so a
 * redelivery or a takeover never repeats the effect. Throwing is a failure that is retried.
 */
export type JobKindHandler = (job: ClaimedJob, workerId: string) => Promise<JobOutcome>;

/**
 * Handlers of job kinds other than the engine's own (`timer`, `service`): `deadline.warning`,
 * `deadline.overdue`, `timer.start` here, `appointment.reminder` from the dossier module.
 */
@Injectable()
export class JobKindRegistry {
  private readonly handlers = new Map<string, JobKindHandler>();

  /** Registers (or replaces) the handler of a kind. */
  register(kind: string, handler: JobKindHandler): void {
    this.handlers.set(kind, handler);
  }

  get(kind: string): JobKindHandler | undefined {
    return this.handlers.get(kind);
  }
}
