import { evaluateCondition } from '../feel/feel-expression';
import { raiseIncident } from '../runtime/incident';
import { leave } from '../runtime/lifecycle';
import { scopeVariables } from '../runtime/scope-variables';
import type { Behavior } from './behavior.types';

/**
 * Takes the first outgoing flow (document order) whose FEEL condition is true, else the
 * default flow. A flow without a condition counts as true, as in Camunda 7. Nothing matching
 * and no default, or a condition that fails, is an incident: the token waits at the gateway.
 */
export const exclusiveGatewayBehavior: Behavior = {
  enter(run, token, gateway) {
    for (const flowId of gateway.outgoing) {
      if (flowId === gateway.defaultFlow) continue;
      const condition = run.model.flows[flowId].condition;
      if (condition === undefined) return leave(run, token, [flowId]);
      const result = evaluateCondition(condition, scopeVariables(run, token.scopeId));
      if (!result.ok)
        return raiseIncident(run, token, result.code ?? 'FEEL_EVALUATION_FAILED', `Flow ${flowId}: ${result.error}`);
      if (result.value) return leave(run, token, [flowId]);
    }
    if (gateway.defaultFlow) return leave(run, token, [gateway.defaultFlow]);
    if (gateway.outgoing.length === 0) return leave(run, token, []);
    raiseIncident(
      run,
      token,
      'NO_MATCHING_FLOW',
      `No condition leaving ${gateway.id} is true and it has no default flow`,
    );
  },
};
