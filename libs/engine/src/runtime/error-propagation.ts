import type { ElementModel, ProcessModel } from '../model/process-model.types';
import { eventSubProcessesOf, startEventSubProcess } from './event-sub-process';
import type { Token } from './instance-state.types';
import { cancelToken } from './token-cancellation';
import { createToken, findToken, history, type Run } from './run';

/**
 * Where a BPMN error or escalation lands: a boundary event and the token of the activity it sits
 * on, or an event subprocess (error/escalation start) of the scope instance `scopeId`.
 */
export type ErrorCatch =
  | { host: Token; boundary: ElementModel; eventSubProcess?: undefined }
  | { scopeId: string; eventSubProcess: ElementModel; boundary?: undefined };

type EventKind = 'error' | 'escalation';

/**
 * Finds the nearest catch for `errorCode`, from the element the error comes from outward: in
 * each scope, its event subprocesses with an error start, then the boundary events of the
 * activity that runs the scope, and so on (BPMN 2.0 §10.5.4). At each place an exact code match
 * wins over a catch-all (no code).
 */
export function findErrorCatch(run: Run, from: Token, errorCode: string | undefined): ErrorCatch | null {
  return findCatch(run, from, 'error', errorCode);
}

/** The same walk for escalations, matching on the escalation code. */
export function findEscalationCatch(run: Run, from: Token, escalationCode: string | undefined): ErrorCatch | null {
  return findCatch(run, from, 'escalation', escalationCode);
}

function findCatch(run: Run, from: Token, kind: EventKind, code: string | undefined): ErrorCatch | null {
  for (let current: Token | undefined = from; current; current = enclosingHost(run, current)) {
    // A multi-instance instance carries no boundary events: its body's token does.
    const boundary = current.inner ? undefined : bestMatch(boundariesOf(run.model, current), kind, code);
    if (boundary) return { host: current, boundary };
    // An event subprocess's own errors go past the scope that runs it.
    if (current !== from && run.model.elements[current.elementId]?.kind === 'eventSubProcess') continue;
    const scopeId = current.scopeId;
    const scope = run.state.scopes.find((candidate) => candidate.id === scopeId);
    const starts = scope
      ? eventSubProcessesOf(run, scope).map((id) => run.model.elements[run.model.elements[id].startEventId ?? ''])
      : [];
    const start = bestMatch(starts.filter(Boolean), kind, code);
    if (start && scope) return { scopeId: scope.id, eventSubProcess: run.model.elements[start.scopeId] };
  }
  return null;
}

/**
 * Interrupts the catching activity (and all inside it) and continues from the boundary event,
 * or runs the catching event subprocess (an error start always interrupts its scope).
 */
export function catchError(run: Run, caught: ErrorCatch, errorCode: string | undefined, message?: string): void {
  const data = { errorCode, ...(message ? { message } : {}) };
  if (caught.eventSubProcess) {
    history(run, { type: 'error.caught', elementId: caught.eventSubProcess.id, data });
    startEventSubProcess(run, caught.scopeId, caught.eventSubProcess, true);
    return;
  }
  cancelToken(run, caught.host);
  history(run, { type: 'error.caught', elementId: caught.boundary.id, data });
  continueFromBoundary(run, caught.host, caught.boundary);
}

/** Whether an escalation caught there ends the activity (boundary) or the scope (event subprocess) it reaches. */
export function escalationInterrupts(run: Run, caught: ErrorCatch): boolean {
  return caught.boundary
    ? caught.boundary.cancelActivity !== false
    : run.model.elements[caught.eventSubProcess.startEventId ?? '']?.interrupting !== false;
}

/**
 * Runs the catch of an escalation: an interrupting boundary cancels its activity (a call activity:
 * its child too, through `call.cancelled`) and continues from the boundary; a non-interrupting one
 * continues beside it; an event subprocess starts, interrupting its scope or not.
 */
export function catchEscalation(run: Run, caught: ErrorCatch): void {
  const interrupting = escalationInterrupts(run, caught);
  if (caught.boundary) {
    if (interrupting) cancelToken(run, caught.host);
    continueFromBoundary(run, caught.host, caught.boundary);
  } else {
    startEventSubProcess(run, caught.scopeId, caught.eventSubProcess, interrupting);
  }
}

/** A token leaves a boundary event that has fired, in the scope of the activity it sits on. */
export function continueFromBoundary(run: Run, host: Token, boundary: ElementModel): void {
  const token = createToken(run, { elementId: boundary.id, scopeId: host.scopeId });
  history(run, { type: 'element.entered', elementId: boundary.id });
  run.agenda.push({ op: 'leave', tokenId: token.id });
}

/**
 * The token waiting for the scope `token` runs in: the subprocess or multi-instance activity
 * around it (a multi-instance instance scope has no host token: its body's host is used).
 */
export function enclosingHost(run: Run, token: Token): Token | undefined {
  let scope = run.state.scopes.find((candidate) => candidate.id === token.scopeId);
  while (scope && scope.hostTokenId === null && scope.parentId !== null) {
    const parentId: string = scope.parentId;
    scope = run.state.scopes.find((candidate) => candidate.id === parentId);
  }
  return findToken(run, scope?.hostTokenId);
}

function boundariesOf(model: ProcessModel, token: Token): ElementModel[] {
  return (model.elements[token.elementId]?.boundaries ?? []).map((id) => model.elements[id]);
}

/** Among catching events (boundaries or starts), the one for `code`: exact match first, then a catch-all. */
function bestMatch(events: ElementModel[], kind: EventKind, code: string | undefined): ElementModel | undefined {
  const codeOf = (event: ElementModel) => (kind === 'error' ? event.event?.errorCode : event.event?.escalationCode);
  const catches = events.filter(
    (event) => event.kind === `boundaryEvent:${kind}` || event.kind === `startEvent:${kind}`,
  );
  return (
    catches.find((event) => code !== undefined && codeOf(event) === code) ??
    catches.find((event) => codeOf(event) === undefined)
  );
}
