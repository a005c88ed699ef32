import { EngineError, type EngineContext, type EngineResult, type InstanceState } from '../engine.types';
import { evaluateExpression } from '../feel/feel-expression';
import type { ProcessModel } from '../model/process-model.types';
import { signal } from '../runtime/agenda';
import { raiseIncident } from '../runtime/incident';
import { elementOf, history, mergeVariables } from '../runtime/run';
import { findWaiting, runCommand } from './command.runner';

export interface CompleteCallCommand {
  callId: string;
  /** The child instance's variables when it completed. */
  variables?: Record<string, unknown>;
}

/** The called instance completed: output mappings bring its variables back and the call activity moves on. */
export function completeCall(
  model: ProcessModel,
  state: InstanceState,
  cmd: CompleteCallCommand,
  ctx: EngineContext,
): EngineResult {
  return runCommand(model, state, ctx, (run) => {
    const token = findWaiting(run, 'call', (wait) => wait.ref === cmd.callId);
    if (!token) throw new EngineError('CALL_NOT_FOUND', `No call activity waits on call ${cmd.callId}`);
    const outputs = elementOf(run, token).call?.outputs;
    const childVariables = cmd.variables ?? {};
    if (!outputs) {
      mergeVariables(run, childVariables);
    } else {
      for (const mapping of outputs) {
        const result = evaluateExpression(mapping.source, childVariables);
        if (!result.ok)
          return raiseIncident(
            run,
            token,
            result.code ?? 'FEEL_EVALUATION_FAILED',
            `Output ${mapping.target} of ${token.elementId}: ${result.error}`,
          );
        run.state.variables[mapping.target] = structuredClone(result.value);
      }
    }
    history(run, { type: 'call.completed', elementId: token.elementId, data: { callId: cmd.callId } });
    signal(run, token);
  });
}
