import type { ElementModel } from '../../model/process-model.types';
import { issue, type ValidationRule } from '../validation-rule';

/**
 * Flow nodes no token can reach from a start event (following flows, boundary events, and the
 * start events of subprocesses that are reached). Event subprocesses count as reached with
 * their parent scope: their trigger is an event, not a flow.
 */
export const reachabilityRule: ValidationRule = (model) => {
  const byScope = new Map<string, ElementModel[]>();
  for (const element of Object.values(model.elements)) {
    byScope.set(element.scopeId, [...(byScope.get(element.scopeId) ?? []), element]);
  }
  const entries = (scopeId: string) =>
    (byScope.get(scopeId) ?? []).filter((e) => e.kind.startsWith('startEvent:') || e.kind === 'eventSubProcess');
  const reached = new Set<string>();
  const pending = entries(model.id);
  for (let element = pending.pop(); element; element = pending.pop()) {
    if (reached.has(element.id)) continue;
    reached.add(element.id);
    for (const flowId of element.outgoing) {
      const target = model.elements[model.flows[flowId]?.targetId ?? ''];
      if (target) pending.push(target);
    }
    for (const boundaryId of element.boundaries ?? []) pending.push(model.elements[boundaryId]);
    pending.push(...entries(element.id));
  }
  return Object.values(model.elements)
    .filter((element) => !reached.has(element.id))
    .map((element) =>
      issue(element.id, 'UNREACHABLE', 'warning', `${element.type} ${element.id} cannot be reached from a start event`),
    );
};
