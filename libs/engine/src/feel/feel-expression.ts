import { parseExpression, parseUnaryTests } from 'feelin';
import { evaluateWithinBudget, FeelBoundError } from './feel-budget';

/** Result of a sequence-flow condition: a decision, or why it could not be decided (`code` when a bound of feel-budget.ts stopped it). */
export type ConditionResult = { ok: true; value: boolean } | { ok: false; error: string; code?: string };

/**
 * Removes the expression marker: Camunda 8 writes `=expr`, Camunda 7 `${expr}` (or `#{expr}`).
 * Both are read as FEEL (DESIGN §2); text without a marker is read as FEEL too.
 */
export function stripExpressionMarker(raw: string): string {
  const text = raw.trim();
  if (text.startsWith('=')) return text.slice(1).trim();
  const wrapped = /^[$#]\{([\s\S]*)\}$/.exec(text);
  return wrapped ? wrapped[1].trim() : text;
}

/**
 * Longest FEEL expression accepted at deploy. Parsing time grows faster than the length (a
 * 110,000-character name took 109 s and blocked the server, found by fuzzing); real
 * conditions and mappings are a few dozen characters.
 */
export const MAX_FEEL_LENGTH = 4_000;

/** The FEEL syntax error in `expression`, or null. Parses only: nothing is evaluated at deploy. */
export function feelSyntaxError(expression: string): string | null {
  return syntaxError(parseExpression, expression, {});
}

/**
 * The FEEL syntax error in unary tests (a DMN input entry), or null. `names` are the variables in
 * scope: FEEL names may hold spaces, so the parse needs them to read `Applicant Age` as one name.
 */
export function unaryTestsSyntaxError(tests: string, names: readonly string[] = []): string | null {
  return syntaxError(parseUnaryTests, tests, Object.fromEntries(names.map((name) => [name, null])));
}

/** The FEEL syntax error in `expression` read with the variables `names` in scope (DMN names hold spaces), or null. */
export function feelSyntaxErrorWithNames(expression: string, names: readonly string[]): string | null {
  return syntaxError(parseExpression, expression, Object.fromEntries(names.map((name) => [name, null])));
}

function syntaxError(
  parse: typeof parseExpression,
  expression: string,
  context: Record<string, unknown>,
): string | null {
  if (expression.length > MAX_FEEL_LENGTH)
    return `FEEL expression is ${expression.length} characters long; at most ${MAX_FEEL_LENGTH} are accepted`;
  let errorAt: number | null = null;
  parse(expression, context, undefined).iterate({
    enter(node) {
      if (node.type.isError && errorAt === null) errorAt = node.from;
      return errorAt === null;
    },
  });
  if (errorAt === null) return null;
  return `FEEL syntax error at position ${errorAt} of '${expression.length > 200 ? `${expression.slice(0, 200)}…` : expression}'`;
}

/**
 * Evaluates a condition against the instance variables. A missing variable yields FEEL null,
 * which we read as "does not match" so a default flow can take over (as Zeebe does with
 * `= x` on an unset x); any other non-boolean is an error the caller turns into an incident.
 */
export function evaluateCondition(expression: string, variables: Record<string, unknown>): ConditionResult {
  let value: unknown;
  try {
    value = evaluateWithinBudget(expression, variables);
  } catch (error) {
    return failure(error);
  }
  if (value === true || value === false) return { ok: true, value };
  if (value === null || value === undefined) return { ok: true, value: false };
  return { ok: false, error: `condition '${expression}' gave ${JSON.stringify(value)}, not a boolean` };
}

/** Result of evaluating a FEEL expression for its value (script tasks, multi-instance, mappings). */
export type ExpressionResult = { ok: true; value: unknown } | { ok: false; error: string; code?: string };

/** Evaluates a FEEL expression (sandboxed, never `eval`, within its budget); an unset variable yields null. */
export function evaluateExpression(expression: string, variables: Record<string, unknown>): ExpressionResult {
  try {
    return { ok: true, value: evaluateWithinBudget(expression, variables) ?? null };
  } catch (error) {
    return failure(error);
  }
}

function failure(error: unknown): { ok: false; error: string; code?: string } {
  if (error instanceof FeelBoundError) return { ok: false, error: error.message, code: error.code };
  return { ok: false, error: error instanceof Error ? error.message : String(error) };
}
