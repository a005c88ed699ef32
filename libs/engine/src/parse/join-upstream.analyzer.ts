import type { ProcessModel } from '../model/process-model.types';

/**
 * For every inclusive join (more than one incoming flow), the elements of its scope from which a
 * token can still reach it: a backward walk over flows (and from a boundary event to its
 * activity) that stops at the join itself. Done once at parse time, so the runtime answers "can
 * another token still arrive?" with a look at the live tokens of one scope.
 */
export function analyzeJoinUpstream(model: ProcessModel): void {
  for (const join of Object.values(model.elements)) {
    if (join.kind !== 'inclusiveGateway' || join.incoming.length < 2) continue;
    const upstream = new Set<string>();
    const pending = join.incoming.map((flowId) => model.flows[flowId]?.sourceId).filter((id): id is string => !!id);
    for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
      if (id === join.id || upstream.has(id)) continue;
      const element = model.elements[id];
      if (!element || element.scopeId !== join.scopeId) continue;
      upstream.add(id);
      for (const flowId of element.incoming) {
        const source = model.flows[flowId]?.sourceId;
        if (source) pending.push(source);
      }
      if (element.attachedTo) pending.push(element.attachedTo);
    }
    join.joinUpstream = [...upstream].sort();
  }
}
