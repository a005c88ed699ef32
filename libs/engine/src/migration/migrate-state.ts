import { EngineError, type InstanceState } from '../engine.types';
import type { ElementModel, ProcessModel } from '../model/process-model.types';
import type { EngineState, ScopeInstance, Token } from '../runtime/instance-state.types';

/** Old element id → new element id, as given by the administrator. */
export type ElementMapping = Record<string, string>;

export interface MigratedState {
  state: InstanceState;
  /** Every element id the state referred to, old → new (the persistence layer rewrites its rows with it). */
  elements: Record<string, string>;
}

/**
 * Moves a running instance's state from one version of a process to another (Camunda 7's
 * "migration plan", reduced to what a committed state can hold). Pure: the input is not changed.
 *
 * Only wait states migrate: every token must wait (task, job, timer, message, signal, call,
 * subprocess scope, event-based gateway, or a listener of those); a token on an incident or
 * in flight refuses (`MIGRATION_NOT_WAITING`). Each referenced element maps explicitly through
 * `mapping` or implicitly to the same id in `toModel`, else `MIGRATION_UNMAPPED_ELEMENT`. The
 * mapped element must be of the same kind (so a user task stays a user task, a timer catch a
 * timer catch), keep or lack multi-instance alike, sit in the mapped scope, and a boundary
 * listener stay on the mapped activity, else `MIGRATION_INCOMPATIBLE`. Message and signal waits
 * take the new element's names. Subscriptions that exist only in the new version (a boundary
 * event added to a waiting task, a new event-gateway branch) are not opened: they apply from the
 * next time the element is entered, as Camunda without `updateEventTriggers`.
 */
export function migrateState(
  fromModel: ProcessModel,
  toModel: ProcessModel,
  input: InstanceState,
  mapping: ElementMapping,
): MigratedState {
  const state = JSON.parse(JSON.stringify(input)) as EngineState;
  if (state.status !== 'running') throw new EngineError('MIGRATION_NOT_RUNNING', `the instance is ${state.status}`);
  const elements: Record<string, string> = {};
  const targetId = (oldId: string): string => (Object.hasOwn(mapping, oldId) ? String(mapping[oldId]) : oldId);
  const mapElement = (oldId: string): ElementModel => {
    const newId = targetId(oldId);
    const target = Object.hasOwn(toModel.elements, newId) ? toModel.elements[newId] : undefined;
    if (!Object.hasOwn(fromModel.elements, oldId) || !target) {
      throw new EngineError('MIGRATION_UNMAPPED_ELEMENT', `element ${oldId} has no counterpart in the new version`, {
        elementId: oldId,
        mappedTo: newId,
      });
    }
    compatible(fromModel.elements[oldId], target);
    elements[oldId] = newId;
    return target;
  };
  const scopeElement = (scope: ScopeInstance): string =>
    scope.parentId === null ? toModel.id : mapElement(scope.elementId).id;
  const scopes = new Map(state.scopes.map((scope) => [scope.id, scope]));
  const scopeIds = new Map(state.scopes.map((scope) => [scope.id, scopeElement(scope)]));
  for (const scope of state.scopes) scope.elementId = scopeIds.get(scope.id)!;
  const tokens = new Map(state.tokens.map((token) => [token.id, { ...token }]));

  for (const token of state.tokens) {
    if (!token.wait || token.wait.kind === 'incident') {
      throw new EngineError('MIGRATION_NOT_WAITING', `the token at ${token.elementId} is not in a wait state`, {
        elementId: token.elementId,
      });
    }
    const oldElementId = token.elementId;
    const target = mapElement(oldElementId);
    const host = token.hostId ? tokens.get(token.hostId) : undefined;
    if (host && token.via !== undefined) {
      token.via = mapEventGatewayBranch(fromModel, toModel, token.via, target, mapElement);
    } else if (host && target.attachedTo !== targetId(host.elementId)) {
      throw incompatible(oldElementId, `boundary event ${target.id} is not attached to ${targetId(host.elementId)}`);
    }
    const scope = scopes.get(token.scopeId);
    const inScope = scope?.elementId ?? toModel.id;
    if (!host && target.scopeId !== inScope && target.id !== inScope) {
      throw incompatible(oldElementId, `${target.id} is not inside ${inScope} in the new version`);
    }
    token.elementId = target.id;
    if (token.flowId && toModel.flows[token.flowId]?.targetId !== target.id) delete token.flowId;
    renameWait(token, target);
  }
  state.joins = mapJoins(state.joins, toModel, mapElement);
  state.processId = toModel.id;
  return { state, elements };
}

function compatible(from: ElementModel, to: ElementModel): void {
  if (from.kind !== to.kind) throw incompatible(from.id, `${from.id} is a ${from.kind}, ${to.id} is a ${to.kind}`);
  if (Boolean(from.multiInstance) !== Boolean(to.multiInstance)) {
    throw incompatible(from.id, `${from.id} and ${to.id} differ in multi-instance`);
  }
}

/** A waiting message or signal subscription listens for the name drawn in the new version. */
function renameWait(token: Token, target: ElementModel): void {
  const event = target.event;
  if (token.wait?.kind === 'message' && event?.messageName) token.wait = { kind: 'message', name: event.messageName };
  if (token.wait?.kind === 'signal' && event?.signalName) token.wait = { kind: 'signal', name: event.signalName };
}

/** An event-gateway listener remembers its branch by flow id: find the new flow from the mapped gateway to the mapped event. */
function mapEventGatewayBranch(
  fromModel: ProcessModel,
  toModel: ProcessModel,
  oldFlowId: string,
  gateway: ElementModel,
  mapElement: (id: string) => ElementModel,
): string {
  const oldTarget = fromModel.flows[oldFlowId]?.targetId ?? '';
  const newTarget = mapElement(oldTarget).id;
  const flowId = gateway.outgoing.find((id) => toModel.flows[id]?.targetId === newTarget);
  if (!flowId) throw incompatible(oldTarget, `no flow from ${gateway.id} to ${newTarget} in the new version`);
  return flowId;
}

/** Join arrivals are counted per incoming flow: only flows kept with the same id into the mapped gateway carry over. */
function mapJoins(
  joins: EngineState['joins'],
  toModel: ProcessModel,
  mapElement: (id: string) => ElementModel,
): EngineState['joins'] {
  const mapped: EngineState['joins'] = {};
  for (const [scopeId, gateways] of Object.entries(joins ?? {})) {
    mapped[scopeId] = {};
    for (const [gatewayId, arrivals] of Object.entries(gateways)) {
      const gateway = mapElement(gatewayId);
      for (const flowId of Object.keys(arrivals)) {
        if (toModel.flows[flowId]?.targetId !== gateway.id) {
          throw incompatible(
            gatewayId,
            `join ${gatewayId} holds an arrival by ${flowId}, which does not enter ${gateway.id} in the new version`,
          );
        }
      }
      mapped[scopeId][gateway.id] = { ...arrivals };
    }
  }
  return mapped;
}

function incompatible(elementId: string, message: string): EngineError {
  return new EngineError('MIGRATION_INCOMPATIBLE', message, { elementId });
}
