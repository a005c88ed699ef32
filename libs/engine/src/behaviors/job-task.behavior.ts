import { leave } from '../runtime/lifecycle';
import { history } from '../runtime/run';
import type { Behavior } from './behavior.types';

const DEFAULT_RETRIES = 3;

/**
 * Service and send tasks: a job for a worker, due now, and a wait for completeJob (or throwError).
 * Retries and backoff belong to the jobs table (DESIGN §3); the engine only states the budget.
 */
export const jobTaskBehavior: Behavior = {
  enter(run, token, element) {
    const jobId = run.ctx.newId();
    token.wait = { kind: 'job', ref: jobId };
    const topic = element.job?.topic ?? element.id;
    const retries = element.job?.retries ?? DEFAULT_RETRIES;
    run.effects.push({
      type: 'job.scheduled',
      job: { id: jobId, kind: 'service', elementId: element.id, dueAt: run.now.toISOString(), topic, retries },
    });
    history(run, { type: 'job.scheduled', elementId: element.id, data: { jobId, topic } });
  },
  signal(run, token) {
    leave(run, token);
  },
};
