import { EngineError, type EngineContext, type EngineResult, type InstanceState } from '../engine.types';
import type { ProcessModel } from '../model/process-model.types';
import { signal } from '../runtime/agenda';
import { history, mergeVariables } from '../runtime/run';
import { findWaiting, runCommand } from './command.runner';

export interface CorrelateMessageCommand {
  messageName: string;
  variables?: Record<string, unknown>;
}

/**
 * Delivers a message to the oldest subscription with that name in this instance (a catch
 * event, receive task, boundary event or event-gateway branch); one message, one subscription.
 */
export function correlateMessage(
  model: ProcessModel,
  state: InstanceState,
  cmd: CorrelateMessageCommand,
  ctx: EngineContext,
): EngineResult {
  return runCommand(model, state, ctx, (run) => {
    const token = findWaiting(run, 'message', (wait) => wait.name === cmd.messageName);
    if (!token)
      throw new EngineError(
        'MESSAGE_NOT_CORRELATED',
        `Nothing in this instance waits for message '${cmd.messageName}'`,
      );
    mergeVariables(run, cmd.variables);
    history(run, { type: 'message.correlated', elementId: token.elementId, data: { messageName: cmd.messageName } });
    signal(run, token);
  });
}
