import type { ElementModel } from '../model/process-model.types';
import type { Token } from './instance-state.types';
import type { Run } from './run';

/** Arrivals at one join in one scope instance: incoming flow id → tokens waiting there. */
export type Arrivals = Record<string, number>;

/**
 * Counts a token arriving at a join, per scope instance and incoming flow. When `isComplete`
 * says the join may fire, one arrival per flow is consumed and true is returned; otherwise the
 * arrival stays counted (and keeps its scope from completing). The parallel gateway passes
 * "every incoming flow"; an inclusive join will pass "no other token can still arrive".
 */
export function arriveAtJoin(
  run: Run,
  token: Token,
  join: ElementModel,
  isComplete: (arrivals: Arrivals) => boolean,
): boolean {
  const byGateway = (run.state.joins[token.scopeId] ??= {});
  const arrivals = (byGateway[join.id] ??= {});
  const flowId = token.flowId ?? '';
  arrivals[flowId] = (arrivals[flowId] ?? 0) + 1;
  if (!isComplete(arrivals)) return false;
  for (const flow of Object.keys(arrivals)) {
    if (--arrivals[flow] === 0) delete arrivals[flow];
  }
  if (Object.keys(arrivals).length === 0) delete byGateway[join.id];
  if (Object.keys(byGateway).length === 0) delete run.state.joins[token.scopeId];
  return true;
}

/** The parallel join condition: a token has arrived on every incoming flow. */
export function everyIncomingArrived(join: ElementModel): (arrivals: Arrivals) => boolean {
  return (arrivals) => join.incoming.every((flowId) => (arrivals[flowId] ?? 0) > 0);
}
