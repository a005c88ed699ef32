import type { ElementModel } from '../model/process-model.types';
import type { Token, Wait } from './instance-state.types';
import { createToken, findToken, removeToken, type Run } from './run';
import { scheduleTimer } from './timer-job';
import { releaseWait } from './token-cancellation';

/**
 * Subscribes the boundary events of an activity its token now waits in. Error boundaries need
 * no subscription: a thrown error looks them up in the model.
 */
export function attachBoundaryListeners(run: Run, host: Token, element: ElementModel): void {
  for (const boundaryId of element.boundaries ?? []) {
    const wait = subscribe(run, run.model.elements[boundaryId]);
    if (wait) addListener(run, host, { elementId: boundaryId, wait });
  }
}

/** The wait for a catching message, signal or timer event, scheduling the timer job; undefined for others. */
export function subscribe(run: Run, event: ElementModel): Wait | undefined {
  switch (event.event?.kind) {
    case 'message':
      return { kind: 'message', name: event.event.messageName ?? '' };
    case 'signal':
      return { kind: 'signal', name: event.event.signalName ?? '' };
    case 'timer':
      return scheduleTimer(run, event);
    default:
      return undefined;
  }
}

export function addListener(run: Run, host: Token, fields: { elementId: string; wait: Wait; via?: string }): Token {
  const listener = createToken(run, { ...fields, scopeId: host.scopeId, hostId: host.id });
  (host.listeners ??= []).push(listener.id);
  return listener;
}

/** Drops every listener of a token that stops waiting, cancelling their timer jobs. */
export function detachListeners(run: Run, host: Token): void {
  for (const listenerId of host.listeners ?? []) {
    const listener = findToken(run, listenerId);
    if (!listener) continue;
    releaseWait(run, listener);
    removeToken(run, listener);
  }
  delete host.listeners;
}

/** Drops one listener whose host keeps running (a non-interrupting event that fired for good). */
export function removeListener(run: Run, listener: Token): void {
  const host = findToken(run, listener.hostId);
  if (host?.listeners) host.listeners = host.listeners.filter((id) => id !== listener.id);
  releaseWait(run, listener);
  removeToken(run, listener);
}
