import type { ElementModel, ProcessModel } from '../model/process-model.types';
import type { Token } from './instance-state.types';
import { cancelToken } from './token-cancellation';
import { createToken, findToken, history, type Run } from './run';

/** Where a BPMN error lands: the boundary event, and the token of the activity it sits on. */
export interface ErrorCatch {
  host: Token;
  boundary: ElementModel;
}

/**
 * Finds the nearest error boundary for `errorCode`, starting at the element the error comes
 * from and walking out through the enclosing subprocesses. On each activity an exact code
 * match wins over a catch-all (a boundary without an error code).
 */
export function findErrorCatch(run: Run, from: Token, errorCode: string | undefined): ErrorCatch | null {
  for (let current: Token | undefined = from; current; ) {
    const boundary = matchingBoundary(run.model, run.model.elements[current.elementId], errorCode);
    if (boundary) return { host: current, boundary };
    const scopeId: string = current.scopeId;
    const scope = run.state.scopes.find((candidate) => candidate.id === scopeId);
    current = findToken(run, scope?.hostTokenId);
  }
  return null;
}

/** Interrupts the catching activity (and all inside it) and continues from the boundary event. */
export function catchError(run: Run, caught: ErrorCatch, errorCode: string | undefined, message?: string): void {
  const { host, boundary } = caught;
  cancelToken(run, host);
  const token = createToken(run, { elementId: boundary.id, scopeId: host.scopeId });
  history(run, { type: 'error.caught', elementId: boundary.id, data: { errorCode, ...(message ? { message } : {}) } });
  history(run, { type: 'element.entered', elementId: boundary.id });
  run.agenda.push({ op: 'leave', tokenId: token.id });
}

function matchingBoundary(model: ProcessModel, element: ElementModel | undefined, errorCode: string | undefined): ElementModel | undefined {
  const catches = (element?.boundaries ?? []).map((id) => model.elements[id]).filter((b) => b.kind === 'boundaryEvent:error');
  return (
    catches.find((boundary) => errorCode !== undefined && boundary.event?.errorCode === errorCode) ??
    catches.find((boundary) => boundary.event?.errorCode === undefined)
  );
}
