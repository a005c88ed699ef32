import type { Token } from './instance-state.types';
import { history, type Run } from './run';

/**
 * A runtime failure that must not crash the command: the token stays where it is (still
 * waiting on its job, if any), the instance keeps running, and an administrator sees the
 * incident. Codes: FEEL_EVALUATION_FAILED, NO_MATCHING_FLOW, ERROR_UNCAUGHT, NO_START_EVENT.
 */
export function raiseIncident(run: Run, token: Token, code: string, message: string): void {
  token.incident = { code, message };
  token.wait ??= { kind: 'incident' };
  run.effects.push({ type: 'incident', elementId: token.elementId, code, message });
  history(run, { type: 'incident', elementId: token.elementId, data: { code, message } });
}
