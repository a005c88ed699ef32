import type { ElementModel } from '../model/process-model.types';
import type { Token } from './instance-state.types';
import { detachListeners } from './listeners';
import { completeInnerInstance } from './multi-instance';
import { createToken, elementOf, findToken, history, removeToken, type Run } from './run';
import { releaseWait } from './token-cancellation';

/**
 * The shared way out of every element (as Activity.js in bpmn-elements): complete it, then
 * follow `flowIds` (default: all outgoing, the BPMN implicit parallel split). No flow means
 * the token ends here, which may complete its scope.
 */
export function leave(run: Run, token: Token, flowIds?: readonly string[]): void {
  if (token.inner) return completeInnerInstance(run, token); // one instance of a multi-instance activity
  const element = elementOf(run, token);
  completeElement(run, token, element);
  const flows = flowIds ?? element.outgoing;
  if (flows.length === 0) {
    endToken(run, token);
    return;
  }
  flows.forEach((flowId, index) => {
    const moving = index === 0 ? token : createToken(run, { elementId: element.id, scopeId: token.scopeId });
    moveAlong(run, moving, flowId);
    run.agenda.push({ op: 'enter', tokenId: moving.id });
  });
}

/** Records the element as done and drops what the token waited on (the trigger has happened). */
export function completeElement(run: Run, token: Token, element: ElementModel): void {
  history(run, { type: 'element.completed', elementId: element.id });
  detachListeners(run, token);
  delete token.wait;
  delete token.incident;
}

/** Moves a token onto the target of a flow (the caller enters it or completes it). */
export function moveAlong(run: Run, token: Token, flowId: string): void {
  const flow = run.model.flows[flowId];
  history(run, { type: 'flow.taken', elementId: flowId });
  token.elementId = flow.targetId ?? token.elementId;
  token.flowId = flowId;
}

/** Consumes a token; its scope completes when nothing is left running in it. */
export function endToken(run: Run, token: Token): void {
  removeToken(run, token);
  completeScopeIfIdle(run, token.scopeId);
}

/**
 * A scope is done when no token runs in it and no join waits for more arrivals. The process
 * scope completes the instance; a subprocess scope lets its host token leave (queued on the
 * agenda, so completing nested scopes never recurses).
 */
export function completeScopeIfIdle(run: Run, scopeId: string): void {
  if (run.state.tokens.some((token) => token.scopeId === scopeId && !token.scopeListener) || run.state.joins[scopeId])
    return;
  const index = run.state.scopes.findIndex((scope) => scope.id === scopeId);
  if (index < 0) return;
  const scope = run.state.scopes[index];
  // Event subprocesses listen only while their scope runs.
  for (const listener of run.state.tokens.filter((token) => token.scopeId === scopeId && token.scopeListener)) {
    releaseWait(run, listener);
    removeToken(run, listener);
  }
  if (scope.parentId === null) {
    completeInstance(run);
    return;
  }
  run.state.scopes.splice(index, 1);
  const host = findToken(run, scope.hostTokenId);
  if (host) run.agenda.push({ op: 'leave', tokenId: host.id });
}

function completeInstance(run: Run): void {
  run.state.status = 'completed';
  run.effects.push({ type: 'instance.completed' });
  history(run, { type: 'instance.completed' });
}
