import { evaluateCondition } from '../feel/feel-expression';
import type { ElementModel } from '../model/process-model.types';
import { raiseIncident } from '../runtime/incident';
import { noTokenCanStillArrive } from '../runtime/inclusive-join';
import type { Token } from '../runtime/instance-state.types';
import { arriveAtJoin } from '../runtime/join-counter';
import { leave } from '../runtime/lifecycle';
import { removeToken, type Run } from '../runtime/run';
import { scopeVariables } from '../runtime/scope-variables';
import type { Behavior } from './behavior.types';

/**
 * Split: every outgoing flow whose FEEL condition holds (a flow without one counts as true), else
 * the default flow; nothing and no default is an incident. Join: waits until no token of the
 * scope can still arrive (see inclusive-join.ts), so a branch never taken is never waited for.
 */
export const inclusiveGatewayBehavior: Behavior = {
  enter(run, token, gateway) {
    const joins = gateway.incoming.length > 1;
    if (
      joins &&
      !arriveAtJoin(run, token, gateway, () => noTokenCanStillArrive(run, token.scopeId, gateway, token.id))
    ) {
      removeToken(run, token);
      return;
    }
    inclusiveSplit(run, token, gateway);
  },
};

/** The split half, also run when a waiting join is released by `settleInclusiveJoins`. */
export function inclusiveSplit(run: Run, token: Token, gateway: ElementModel): void {
  const variables = scopeVariables(run, token.scopeId);
  const taken: string[] = [];
  for (const flowId of gateway.outgoing) {
    if (flowId === gateway.defaultFlow) continue;
    const condition = run.model.flows[flowId].condition;
    if (condition === undefined) {
      taken.push(flowId);
      continue;
    }
    const result = evaluateCondition(condition, variables);
    if (!result.ok)
      return raiseIncident(run, token, result.code ?? 'FEEL_EVALUATION_FAILED', `Flow ${flowId}: ${result.error}`);
    if (result.value) taken.push(flowId);
  }
  if (taken.length === 0 && gateway.defaultFlow) taken.push(gateway.defaultFlow);
  if (taken.length === 0 && gateway.outgoing.length > 0) {
    return raiseIncident(
      run,
      token,
      'NO_MATCHING_FLOW',
      `No condition leaving ${gateway.id} is true and it has no default flow`,
    );
  }
  leave(run, token, taken);
}
