import { EngineError, type EngineContext, type EngineResult, type InstanceState } from '../engine.types';
import type { ProcessModel } from '../model/process-model.types';
import { signal } from '../runtime/agenda';
import { history } from '../runtime/run';
import { findWaiting, runCommand } from './command.runner';

export interface FireTimerCommand {
  jobId: string;
}

/** A timer job fell due: the timer catch event, boundary or event-gateway branch proceeds. */
export function fireTimer(
  model: ProcessModel,
  state: InstanceState,
  cmd: FireTimerCommand,
  ctx: EngineContext,
): EngineResult {
  return runCommand(model, state, ctx, (run) => {
    const token = findWaiting(run, 'timer', (wait) => wait.ref === cmd.jobId);
    if (!token) throw new EngineError('JOB_NOT_FOUND', `No timer waits on job ${cmd.jobId}`);
    history(run, { type: 'timer.fired', elementId: token.elementId, data: { jobId: cmd.jobId } });
    signal(run, token);
  });
}
