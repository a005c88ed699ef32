import type { ElementModel } from '../model/process-model.types';
import type { ScopeInstance, Token } from './instance-state.types';
import { subscribe } from './listeners';
import { createToken, history, removeToken, type Run } from './run';
import { cancelToken, releaseWait } from './token-cancellation';

/** The event subprocesses drawn directly in the scope a scope instance runs. */
export function eventSubProcessesOf(run: Run, scope: ScopeInstance): string[] {
  if (scope.parentId === null) return run.model.eventSubProcesses ?? [];
  if (scope.multi || scope.hostTokenId === null) return []; // multi-instance bookkeeping scopes
  return run.model.elements[scope.elementId]?.eventSubProcesses ?? [];
}

/**
 * Subscribes the message, timer and signal starts of a scope's event subprocesses as listener
 * tokens living in that scope (`scopeListener`: they never keep it running). Error and
 * escalation starts need none: propagation looks them up in the model.
 */
export function openEventSubProcesses(run: Run, scope: ScopeInstance): void {
  for (const id of eventSubProcessesOf(run, scope)) {
    const eventSub = run.model.elements[id];
    const start = run.model.elements[eventSub.startEventId ?? ''];
    const wait = start && subscribe(run, start);
    if (wait) createToken(run, { elementId: eventSub.id, scopeId: scope.id, wait, scopeListener: true });
  }
}

/**
 * Runs an event subprocess in `scopeId`. Interrupting: everything else in the scope is cancelled
 * first (tasks, jobs, nested subprocesses, the other listeners); the scope then completes when
 * the event subprocess does. Non-interrupting: it runs alongside.
 */
export function startEventSubProcess(run: Run, scopeId: string, eventSub: ElementModel, interrupting: boolean): void {
  if (interrupting) {
    for (const token of run.state.tokens.filter((candidate) => candidate.scopeId === scopeId)) {
      if (token.scopeListener) removeListenerToken(run, token);
      else cancelToken(run, token);
    }
    delete run.state.joins[scopeId];
  }
  history(run, { type: 'eventSubProcess.started', elementId: eventSub.id, data: { interrupting } });
  const host = createToken(run, { elementId: eventSub.id, scopeId });
  history(run, { type: 'element.entered', elementId: eventSub.id });
  const innerScopeId = run.ctx.newId();
  run.state.scopes.push({ id: innerScopeId, elementId: eventSub.id, parentId: scopeId, hostTokenId: host.id });
  host.wait = { kind: 'scope', ref: innerScopeId };
  const start = createToken(run, { elementId: eventSub.startEventId ?? '', scopeId: innerScopeId });
  run.agenda.push({ op: 'enter', tokenId: start.id });
}

function removeListenerToken(run: Run, listener: Token): void {
  releaseWait(run, listener);
  removeToken(run, listener);
}
