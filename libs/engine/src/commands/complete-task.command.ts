import { EngineError, type EngineContext, type EngineResult, type InstanceState } from '../engine.types';
import type { ProcessModel } from '../model/process-model.types';
import { signal } from '../runtime/agenda';
import { history, mergeVariables } from '../runtime/run';
import { findWaiting, runCommand } from './command.runner';

export interface CompleteTaskCommand {
  taskId: string;
  variables?: Record<string, unknown>;
}

/** A person finished a user task: its variables join the instance's, and the token moves on. */
export function completeTask(
  model: ProcessModel,
  state: InstanceState,
  cmd: CompleteTaskCommand,
  ctx: EngineContext,
): EngineResult {
  return runCommand(model, state, ctx, (run) => {
    const token = findWaiting(run, 'task', (wait) => wait.ref === cmd.taskId);
    if (!token) throw new EngineError('TASK_NOT_FOUND', `No token waits on task ${cmd.taskId}`);
    mergeVariables(run, cmd.variables);
    history(run, { type: 'task.completed', elementId: token.elementId, taskId: cmd.taskId });
    signal(run, token);
  });
}
