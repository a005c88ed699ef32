import { evaluateWithinBudget, FeelBoundError, unaryTestWithinBudget } from '../../engine/src';
import {
  DecisionError,
  type DecisionModel,
  type DecisionResult,
  type DecisionsModel,
  type DecisionTableModel,
  type DecisionTrace,
  type TableRule,
} from './decision.types';
import { compiledTest, isPlainName, isPrimitive, literal } from './fast-path';
import { applyHitPolicy } from './hit-policy';

/**
 * Evaluates the decision `decisionRef` (its id, or its name) of a parsed DMN document against
 * `variables` (input data by name). Required decisions are evaluated first, each once, and their
 * results bound to their names. Pure: the same model and variables always give the same result.
 * Throws DecisionError DMN_DECISION_NOT_FOUND, DMN_HIT_POLICY_VIOLATION or DMN_EVALUATION_FAILED
 * (a FEEL bound crossed, or an aggregation over values it cannot add or compare).
 */
export function evaluateDecision(
  model: DecisionsModel,
  decisionRef: string,
  variables: Record<string, unknown>,
): DecisionResult {
  const target =
    model.decisions.find((decision) => decision.id === decisionRef) ??
    model.decisions.find((decision) => decision.name === decisionRef);
  if (!target)
    throw new DecisionError(
      'DMN_DECISION_NOT_FOUND',
      `The DMN document holds no decision '${decisionRef}'`,
      decisionRef,
    );
  const byId = new Map(model.decisions.map((decision) => [decision.id, decision]));
  // The decisions the target needs, then evaluated in the model's order (each after those it requires).
  const needed = new Set<string>([target.id]);
  const pending = [target];
  while (pending.length > 0) {
    for (const requiredId of pending.pop()!.requiredDecisions) {
      if (!needed.has(requiredId)) {
        needed.add(requiredId);
        pending.push(byId.get(requiredId)!);
      }
    }
  }
  const results = new Map<string, unknown>();
  const trace: DecisionTrace[] = [];
  for (const decision of model.decisions) {
    if (!needed.has(decision.id)) continue;
    const scope: Record<string, unknown> = { ...variables };
    for (const requiredId of decision.requiredDecisions) scope[byId.get(requiredId)!.name] = results.get(requiredId);
    const { result, matchedRules } = evaluateLogic(decision, scope);
    results.set(decision.id, result);
    trace.push({ decisionId: decision.id, name: decision.name, result, matchedRules });
  }
  const result = results.get(target.id);
  return { decisionId: target.id, result, trace };
}

function evaluateLogic(
  decision: DecisionModel,
  scope: Record<string, unknown>,
): { result: unknown; matchedRules: string[] } {
  const logic = decision.logic;
  if (logic.kind === 'literalExpression') return { result: feel(logic.expression, scope, logic.id), matchedRules: [] };
  return evaluateTable(logic, scope);
}

/** One decision table: the input values, the rules whose every entry holds, then the hit policy. */
export function evaluateTable(
  table: DecisionTableModel,
  scope: Record<string, unknown>,
): { result: unknown; matchedRules: string[] } {
  const values = table.inputs.map((input) => inputValue(input.expression, scope, input.id));
  const matched: TableRule[] = [];
  for (const rule of table.rules) {
    if (ruleMatches(rule, values, scope)) {
      matched.push(rule);
      if (table.hitPolicy === 'FIRST') break;
    }
  }
  const hits = matched.map((rule) => ({
    ruleId: rule.id,
    outputs: rule.outputEntries.map((entry, index) => outputValue(entry, scope, rule.id, index)),
  }));
  const defaults =
    matched.length === 0 && table.outputs.some((output) => output.defaultExpression !== undefined)
      ? table.outputs.map((output) =>
          output.defaultExpression ? feel(output.defaultExpression, scope, output.id) : null,
        )
      : undefined;
  return { result: applyHitPolicy(table, hits, defaults), matchedRules: matched.map((rule) => rule.id) };
}

function ruleMatches(rule: TableRule, values: unknown[], scope: Record<string, unknown>): boolean {
  for (let index = 0; index < rule.inputEntries.length; index++) {
    const entry = rule.inputEntries[index];
    if (entry === '' || entry === '-') continue;
    let holds: boolean | null | undefined = compiledTest(entry)?.(values[index]);
    if (holds === undefined) {
      try {
        holds = unaryTestWithinBudget(entry, values[index], scope);
      } catch (error) {
        throw evaluationFailure(error, `${rule.id} input ${index + 1}`);
      }
    }
    if (holds !== true) return false;
  }
  return true;
}

function outputValue(entry: string, scope: Record<string, unknown>, ruleId: string, index: number): unknown {
  if (entry === '') return null;
  return literal(entry)?.value ?? feel(entry, scope, `${ruleId} output ${index + 1}`);
}

/** An input expression's value: a variable that holds a plain value is read directly (fast-path.ts), the rest is FEEL. */
function inputValue(expression: string, scope: Record<string, unknown>, inputId: string): unknown {
  if (isPlainName(expression) && Object.hasOwn(scope, expression) && isPrimitive(scope[expression]))
    return scope[expression] ?? null;
  return feel(expression, scope, inputId);
}

function feel(expression: string, scope: Record<string, unknown>, elementId: string): unknown {
  try {
    return evaluateWithinBudget(expression, scope) ?? null;
  } catch (error) {
    throw evaluationFailure(error, elementId);
  }
}

function evaluationFailure(error: unknown, elementId: string): DecisionError {
  if (error instanceof DecisionError) return error;
  const why =
    error instanceof FeelBoundError
      ? `${error.code}: ${error.message}`
      : error instanceof Error
        ? error.message
        : String(error);
  return new DecisionError('DMN_EVALUATION_FAILED', `FEEL evaluation failed at '${elementId}': ${why}`, elementId);
}
