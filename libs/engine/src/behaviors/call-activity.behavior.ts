import { evaluateExpression } from '../feel/feel-expression';
import { raiseIncident } from '../runtime/incident';
import { leave } from '../runtime/lifecycle';
import { history } from '../runtime/run';
import { scopeVariables } from '../runtime/scope-variables';
import type { Behavior } from './behavior.types';

/**
 * Call activity: asks the persistence layer to start a child instance (`call.started`, with the
 * input mappings applied) and waits for `Engine.completeCall` / `Engine.failCall`.
 */
export const callActivityBehavior: Behavior = {
  enter(run, token, element) {
    const call = element.call ?? { calledElement: '' };
    const visible = scopeVariables(run, token.scopeId);
    let variables: Record<string, unknown> = structuredClone(visible);
    if (call.inputs) {
      variables = {};
      for (const mapping of call.inputs) {
        const result = evaluateExpression(mapping.source, visible);
        if (!result.ok)
          return raiseIncident(
            run,
            token,
            result.code ?? 'FEEL_EVALUATION_FAILED',
            `Input ${mapping.target} of ${element.id}: ${result.error}`,
          );
        variables[mapping.target] = structuredClone(result.value);
      }
    }
    const callId = run.ctx.newId();
    token.wait = { kind: 'call', ref: callId };
    run.effects.push({
      type: 'call.started',
      callId,
      elementId: element.id,
      calledElement: call.calledElement,
      variables,
    });
    history(run, { type: 'call.started', elementId: element.id, data: { callId, calledElement: call.calledElement } });
  },
  signal(run, token) {
    leave(run, token);
  },
};
