import { isEndOutcome } from '../engine.types';
import { evaluateExpression } from '../feel/feel-expression';
import type { ElementModel } from '../model/process-model.types';
import type { Token } from './instance-state.types';
import { history, type Run } from './run';
import { scopeVariables } from './scope-variables';

/** Longest reason carried to the dossier (Form 03 prints it; the SMS shortens it further). */
export const MAX_REASON_LENGTH = 2_000;

/**
 * An end event with `mc:outcome` at process level (ADR 0011): emits `outcome.reached` with the
 * reason (`mc:reason` evaluated in the token's scope), before the end event consumes the token,
 * so the dossier closes in the same command as the step that led here. A reason that fails to
 * evaluate does not stop the dossier from closing: it is recorded as missing, with the error in
 * the history (the validator refuses a rejected outcome without a reason at deploy).
 */
export function reachOutcome(run: Run, token: Token, element: ElementModel): void {
  const outcome = element.outcome;
  if (!outcome || !isEndOutcome(outcome.value) || element.scopeId !== run.model.id) return;
  let reason: string | null = null;
  let reasonError: string | undefined;
  if (outcome.reason) {
    const result = evaluateExpression(outcome.reason, scopeVariables(run, token.scopeId));
    if (result.ok) reason = reasonText(result.value);
    else reasonError = result.error;
  }
  run.effects.push({ type: 'outcome.reached', elementId: element.id, outcome: outcome.value, reason });
  history(run, {
    type: 'outcome.reached',
    elementId: element.id,
    data: { outcome: outcome.value, reason, ...(reasonError ? { reasonError } : {}) },
  });
}

/** A reason as text: strings trimmed, numbers and booleans written out, anything else (null, lists, contexts) none. */
function reasonText(value: unknown): string | null {
  const text =
    typeof value === 'string'
      ? value.trim()
      : typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : '';
  return text === '' ? null : text.slice(0, MAX_REASON_LENGTH);
}
