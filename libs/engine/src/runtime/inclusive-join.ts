import type { ElementModel } from '../model/process-model.types';
import type { Arrivals } from './join-counter';
import { createToken, history, type Run } from './run';

/**
 * The inclusive join condition (BPMN 2.0 §13.4.3): it fires when no token of its scope that has
 * not arrived can still reach it. Listener tokens do not count: their activity's token does. A
 * token already moved onto the join but not yet entered (two branches finishing in one command)
 * has not arrived either: it counts too, so the join fires once, with both (issue 21 #1). Arrived
 * tokens are consumed, and a token stuck on the join's split half (incident) waits for nothing.
 */
export function noTokenCanStillArrive(run: Run, scopeId: string, join: ElementModel, exceptTokenId?: string): boolean {
  const upstream = join.joinUpstream ?? [];
  return !run.state.tokens.some(
    (token) =>
      token.scopeId === scopeId &&
      !token.hostId &&
      token.id !== exceptTokenId &&
      (upstream.includes(token.elementId) || (token.elementId === join.id && !token.wait && !token.incident)),
  );
}

/**
 * Tokens that could have reached a waiting inclusive join may instead have ended or left by
 * another path. Once the agenda is empty, each join that still holds arrivals is checked again
 * (only the joins with arrivals are looked at, never the whole model). Returns true when one
 * fired, so the agenda has work again.
 */
export function settleInclusiveJoins(
  run: Run,
  fire: (token: ReturnType<typeof createToken>, join: ElementModel) => void,
): boolean {
  let fired = false;
  for (const [scopeId, byGateway] of Object.entries(run.state.joins)) {
    for (const gatewayId of Object.keys(byGateway)) {
      const join = run.model.elements[gatewayId];
      if (join?.kind !== 'inclusiveGateway' || !noTokenCanStillArrive(run, scopeId, join)) continue;
      consumeArrivals(run, scopeId, gatewayId, byGateway[gatewayId]);
      const token = createToken(run, { elementId: join.id, scopeId });
      history(run, { type: 'element.entered', elementId: join.id });
      fire(token, join);
      fired = true;
    }
  }
  return fired;
}

function consumeArrivals(run: Run, scopeId: string, gatewayId: string, arrivals: Arrivals): void {
  for (const flow of Object.keys(arrivals)) {
    if (--arrivals[flow] === 0) delete arrivals[flow];
  }
  const byGateway = run.state.joins[scopeId];
  if (Object.keys(arrivals).length === 0) delete byGateway[gatewayId];
  if (Object.keys(byGateway).length === 0) delete run.state.joins[scopeId];
}
