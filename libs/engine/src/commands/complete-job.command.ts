import { EngineError, type EngineContext, type EngineResult, type InstanceState } from '../engine.types';
import type { ProcessModel } from '../model/process-model.types';
import { signal } from '../runtime/agenda';
import { history, mergeVariables } from '../runtime/run';
import { findWaiting, runCommand } from './command.runner';

export interface CompleteJobCommand {
  jobId: string;
  variables?: Record<string, unknown>;
}

/** A service or send task handler succeeded: its result variables are merged and the token moves on. */
export function completeJob(
  model: ProcessModel,
  state: InstanceState,
  cmd: CompleteJobCommand,
  ctx: EngineContext,
): EngineResult {
  return runCommand(model, state, ctx, (run) => {
    const token = findWaiting(run, 'job', (wait) => wait.ref === cmd.jobId);
    if (!token) throw new EngineError('JOB_NOT_FOUND', `No token waits on service job ${cmd.jobId}`);
    mergeVariables(run, cmd.variables);
    history(run, { type: 'job.completed', elementId: token.elementId, data: { jobId: cmd.jobId } });
    signal(run, token);
  });
}
