import { EngineError, type EngineContext, type EngineResult, type InstanceState } from '../engine.types';
import type { ProcessModel } from '../model/process-model.types';
import { history, mergeVariables } from '../runtime/run';
import { deliverSignal, signalSubscribers } from '../runtime/signal-delivery';
import { runCommand } from './command.runner';

export interface SignalCommand {
  signalName: string;
  variables?: Record<string, unknown>;
}

/**
 * Delivers a signal broadcast from elsewhere (another instance's `signal.thrown`, an
 * administrator) to every subscription of that name in this instance, unlike a message.
 */
export function signal(
  model: ProcessModel,
  state: InstanceState,
  cmd: SignalCommand,
  ctx: EngineContext,
): EngineResult {
  return runCommand(model, state, ctx, (run) => {
    const subscribers = signalSubscribers(run, cmd.signalName);
    if (subscribers.length === 0)
      throw new EngineError('SIGNAL_NOT_CAUGHT', `Nothing in this instance waits for signal '${cmd.signalName}'`);
    mergeVariables(run, cmd.variables);
    history(run, { type: 'signal.received', data: { signalName: cmd.signalName, subscriptions: subscribers.length } });
    deliverSignal(run, subscribers);
  });
}
