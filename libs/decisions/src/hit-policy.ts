import { DecisionError, type DecisionTableModel } from './decision.types';

/** A matched rule and its output values, one per output column. */
export interface Hit {
  ruleId: string;
  outputs: unknown[];
}

/**
 * The table's result from its hits (DMN 1.3 §8.2.11). A single output gives values, several give
 * contexts keyed by output name. Single-hit policies give one result or null; multiple-hit ones a
 * list (empty when nothing matched) or, for COLLECT with an aggregation, a number (null when
 * nothing matched, 0 for COUNT). `defaults` (the default output entries) stand in when no rule
 * matched: the result for single-hit policies, a one-item list for multiple-hit ones.
 */
export function applyHitPolicy(table: DecisionTableModel, hits: Hit[], defaults: unknown[] | undefined): unknown {
  const shape = (outputs: unknown[]) =>
    table.outputs.length === 1
      ? outputs[0]
      : Object.fromEntries(table.outputs.map((output, index) => [output.name, outputs[index]]));
  switch (table.hitPolicy) {
    case 'UNIQUE':
      if (hits.length > 1) throw violation(table, `UNIQUE table '${table.id}' matched ${hits.length} rules`, hits);
      return single(hits, defaults, shape);
    case 'ANY':
      for (const hit of hits.slice(1)) {
        if (!sameValues(hit.outputs, hits[0].outputs))
          throw violation(table, `ANY table '${table.id}' matched rules with different outputs`, hits);
      }
      return single(hits, defaults, shape);
    case 'FIRST':
      return single(hits, defaults, shape);
    case 'PRIORITY':
      return single(byPriority(table, hits).slice(0, 1), defaults, shape);
    case 'RULE ORDER':
      return multiple(hits, defaults, shape);
    case 'OUTPUT ORDER':
      return multiple(byPriority(table, hits), defaults, shape);
    case 'COLLECT':
      if (table.aggregation === undefined) return multiple(hits, defaults, shape);
      return aggregate(table, hits.length === 0 && defaults ? [defaults[0]] : hits.map((hit) => hit.outputs[0]));
  }
}

function single(hits: Hit[], defaults: unknown[] | undefined, shape: (outputs: unknown[]) => unknown): unknown {
  if (hits.length > 0) return shape(hits[0].outputs);
  return defaults ? shape(defaults) : null;
}

function multiple(hits: Hit[], defaults: unknown[] | undefined, shape: (outputs: unknown[]) => unknown): unknown[] {
  if (hits.length === 0 && defaults) return [shape(defaults)];
  return hits.map((hit) => shape(hit.outputs));
}

/**
 * The hits in decreasing priority: output by output, a value listed earlier in that output's
 * output values comes first; a value not listed comes after every listed one; ties keep rule order.
 */
function byPriority(table: DecisionTableModel, hits: Hit[]): Hit[] {
  const rank = (hit: Hit) =>
    table.outputs.map((output, index) => {
      if (output.priorities.length === 0) return 0;
      const at = output.priorities.findIndex((value) => sameValue(value, hit.outputs[index]));
      return at === -1 ? output.priorities.length : at;
    });
  const ranked = hits.map((hit, order) => ({ hit, order, rank: rank(hit) }));
  ranked.sort((a, b) => {
    for (let index = 0; index < a.rank.length; index++)
      if (a.rank[index] !== b.rank[index]) return a.rank[index] - b.rank[index];
    return a.order - b.order;
  });
  return ranked.map((entry) => entry.hit);
}

/** C+, C<, C>, C# over the single output's values; nulls are left out (as FEEL's sum, min, max and count do). */
function aggregate(table: DecisionTableModel, values: unknown[]): unknown {
  const present = values.filter((value) => value !== null && value !== undefined);
  if (table.aggregation === 'COUNT') return present.length;
  if (present.length === 0) return null;
  if (table.aggregation === 'SUM') {
    if (!present.every((value) => typeof value === 'number'))
      throw new DecisionError(
        'DMN_EVALUATION_FAILED',
        `COLLECT SUM of table '${table.id}' met a value that is not a number`,
        table.id,
      );
    return (present as number[]).reduce((sum, value) => sum + value, 0);
  }
  const comparable =
    present.every((value) => typeof value === 'number') || present.every((value) => typeof value === 'string');
  if (!comparable)
    throw new DecisionError(
      'DMN_EVALUATION_FAILED',
      `COLLECT ${table.aggregation} of table '${table.id}' met values it cannot compare`,
      table.id,
    );
  const sorted = [...(present as Array<number | string>)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return table.aggregation === 'MIN' ? sorted[0] : sorted[sorted.length - 1];
}

function violation(table: DecisionTableModel, message: string, hits: Hit[]): DecisionError {
  return new DecisionError(
    'DMN_HIT_POLICY_VIOLATION',
    `${message}: ${hits.map((hit) => hit.ruleId).join(', ')}`,
    table.id,
  );
}

function sameValues(a: unknown[], b: unknown[]): boolean {
  return a.length === b.length && a.every((value, index) => sameValue(value, b[index]));
}

/** FEEL equality for the values rules produce: numbers, strings, booleans, null, lists and contexts (dates by their text). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && sameValues(a, b);
  if (Object.getPrototypeOf(a) === Object.prototype && Object.getPrototypeOf(b) === Object.prototype) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
    );
  }
  return String(a) === String(b);
}
