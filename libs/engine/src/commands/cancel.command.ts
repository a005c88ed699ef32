import type { EngineContext, EngineResult, InstanceState } from '../engine.types';
import type { ProcessModel } from '../model/process-model.types';
import { history } from '../runtime/run';
import { cancelToken } from '../runtime/token-cancellation';
import { runCommand } from './command.runner';

export interface CancelCommand {
  reason?: string;
}

/** Ends the instance from outside (withdrawal, administrator): open tasks and jobs are cancelled. */
export function cancel(
  model: ProcessModel,
  state: InstanceState,
  cmd: CancelCommand,
  ctx: EngineContext,
): EngineResult {
  return runCommand(model, state, ctx, (run) => {
    for (const token of [...run.state.tokens]) cancelToken(run, token);
    run.state.joins = {};
    run.state.scopes = run.state.scopes.filter((scope) => scope.parentId === null);
    run.state.status = 'terminated';
    const reason = cmd.reason === undefined ? {} : { reason: cmd.reason };
    run.effects.push({ type: 'instance.terminated', ...reason });
    history(run, { type: 'instance.terminated', data: reason });
  });
}
