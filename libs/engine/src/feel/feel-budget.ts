import { evaluate, FeelRange, parseExpression, parseUnaryTests, unaryTest } from 'feelin';
import { regexProblem } from './regex.guard';

/**
 * The evaluation budget of one FEEL expression (issue 15: `for i in 1..10000000000 return i`
 * was accepted, and 2×10^6 iterations blocked the server 2.7 s). feelin has no step counter,
 * so the expression is rewritten before it is evaluated: calls to the checks below are wrapped
 * around every point where work can grow (decided at parse, never by a clock, so the same
 * expression on the same variables always gives the same answer):
 * - each variable read costs the size of its value (list items, context entries, and a step per
 *   64 characters);
 * - each iteration source costs its length (a numeric range `a..b` is counted before feelin
 *   builds it), each filter its target's length;
 * - each `for` body and `some`/`every` condition costs 1 plus the size of its result;
 * - user-defined functions (`function(x) …`) are refused: they are the only way to recurse;
 * - `matches`, `replace`, `split` go through regex.guard.ts.
 * feelin copies the evaluation context for each iteration, so iterations cost one step per 16
 * variables. Over MAX_FEEL_STEPS the evaluation stops with `FEEL_BUDGET_EXCEEDED` (10,000 steps
 * were 40–200 ms of work on a loaded two-core machine, hence 5,000). Builtins do at most
 * linear-times-log work in what they are given, and what they are given has been paid for.
 */
export const MAX_FEEL_STEPS = 5_000;

/** Characters cost a step per 64: feelin hands strings to native code, which is that much faster than its own steps. */
const CHARACTERS_PER_STEP = 64;

/** A bound crossed while evaluating (or, at deploy, sure to be crossed): the incident's code and why. */
export class FeelBoundError extends Error {
  constructor(
    readonly code: 'FEEL_BUDGET_EXCEEDED' | 'FEEL_FUNCTION_FORBIDDEN' | 'FEEL_REGEX_UNSAFE',
    message: string,
  ) {
    super(message);
    this.name = 'FeelBoundError';
  }
}

const READ = '__mc_read';
const EACH = '__mc_each';
const FROM = '__mc_from';
const STEP = '__mc_step';

/** Rewritten expressions by expression and the multi-word variable names it was parsed with (the only names that change a parse). */
const instrumented = new Map<string, string>();
const MAX_INSTRUMENTED = 2_000;

/** Evaluates `expression` within the budget; throws FeelBoundError beyond it, anything else as feelin does. */
export function evaluateWithinBudget(expression: string, variables: Record<string, unknown>): unknown {
  const source = instrumentedSource('expression', expression, variables);
  const perIteration = Math.max(1, Math.ceil(Object.keys(variables).length / 16));
  return evaluate(source, { ...variables, ...guards(perIteration) }).value;
}

/**
 * Tests `input` against FEEL unary tests (a DMN input entry: `< 18`, `"a","b"`, `[1..5]`, `-`,
 * `not(…)`, `? > x`) within the same budget; `true` when they match, `false` or null otherwise.
 */
export function unaryTestWithinBudget(
  tests: string,
  input: unknown,
  variables: Record<string, unknown>,
): boolean | null {
  const source = instrumentedSource('unaryTests', tests, variables);
  const perIteration = Math.max(1, Math.ceil(Object.keys(variables).length / 16));
  return unaryTest(source, { ...variables, ...guards(perIteration), '?': input ?? null }).value;
}

type Grammar = 'expression' | 'unaryTests';

function instrumentedSource(grammar: Grammar, expression: string, variables: Record<string, unknown>): string {
  const cacheKey = `${grammar}\u0000${expression}\u0000${Object.keys(variables)
    .filter((name) => /[^\w$]/.test(name))
    .sort()
    .join('\u0000')}`;
  let source = instrumented.get(cacheKey);
  if (source === undefined) {
    source = instrument(grammar, expression, variables);
    if (instrumented.size >= MAX_INSTRUMENTED) instrumented.clear();
    instrumented.set(cacheKey, source);
  }
  return source;
}

/** The expression with the budget's checks wrapped around each point where work can grow. */
function instrument(grammar: Grammar, expression: string, variables: Record<string, unknown>): string {
  const opens = new Map<number, string[]>();
  const closes = new Map<number, string[]>();
  const wrap = (from: number, to: number, open: string, close = ')') => {
    (opens.get(from) ?? opens.set(from, []).get(from)!).push(open);
    (closes.get(to) ?? closes.set(to, []).get(to)!).unshift(close);
  };
  const parse = grammar === 'expression' ? parseExpression : parseUnaryTests;
  parse(expression, variables, undefined).iterate({
    enter(ref) {
      const node = ref.node;
      switch (ref.name) {
        case 'FunctionDefinition':
          throw new FeelBoundError('FEEL_FUNCTION_FORBIDDEN', 'FEEL function definitions are not allowed in diagrams');
        case 'IterationContext': {
          const [start, end] = [node.firstChild, node.lastChild];
          if (node.getChild('..') && start && end && start !== end)
            wrap(start.from, start.to, `${FROM}(`, `, ${expression.slice(end.from, end.to)})`);
          else wrap(node.from, node.to, `${EACH}(`);
          break;
        }
        case 'FilterExpression':
          if (node.firstChild) wrap(node.firstChild.from, node.firstChild.to, `${EACH}(`);
          break;
        case 'ForExpression':
        case 'QuantifiedExpression':
          if (node.lastChild) wrap(node.lastChild.from, node.lastChild.to, `${STEP}(`);
          break;
        case 'VariableName': {
          const parent = node.parent;
          const calledName = parent?.name === 'FunctionInvocation' && parent.firstChild?.from === node.from;
          if (!calledName) wrap(node.from, node.to, `${READ}(`);
          break;
        }
      }
    },
  });
  let source = '';
  for (let index = 0; index <= expression.length; index++) {
    source += (closes.get(index) ?? []).join('') + (opens.get(index) ?? []).join('');
    if (index < expression.length) source += expression[index];
  }
  return source;
}

/** The checks, sharing one counter for this evaluation. */
function guards(perIteration: number): Record<string, unknown> {
  let used = 0;
  const charge = (steps: number) => {
    used += steps;
    if (used > MAX_FEEL_STEPS)
      throw new FeelBoundError('FEEL_BUDGET_EXCEEDED', `FEEL expression exceeds its budget of ${MAX_FEEL_STEPS} steps`);
  };
  const regex = (pattern: unknown, input: unknown, flags: unknown) => {
    if (typeof pattern !== 'string' || typeof input !== 'string') return;
    const problem = regexProblem(pattern, input, typeof flags === 'string' ? flags : '');
    if (problem) throw new FeelBoundError('FEEL_REGEX_UNSAFE', problem);
    charge(Math.ceil(input.length / CHARACTERS_PER_STEP));
  };
  return {
    [READ]: feelFunction(['value'], (value: unknown) => {
      charge(deepSize(value, MAX_FEEL_STEPS - used + 1));
      return value;
    }),
    [EACH]: feelFunction(['value'], (value: unknown) => {
      charge(
        perIteration *
          (Array.isArray(value) ? value.length : value instanceof FeelRange ? rangeSize(value.start, value.end) : 1),
      );
      return value;
    }),
    [FROM]: feelFunction(['start', 'end'], (start: unknown, end: unknown) => {
      charge(perIteration * rangeSize(start, end));
      return start;
    }),
    [STEP]: feelFunction(['value'], (value: unknown) => {
      charge(1 + shallowSize(value));
      return value;
    }),
    matches: feelFunction(['input', 'pattern', 'flags'], (input: unknown, pattern: unknown, flags: unknown) => {
      regex(pattern, input, flags);
      return evaluate('matches(input, pattern, flags)', { input, pattern, flags }).value;
    }),
    replace: feelFunction(
      ['input', 'pattern', 'replacement', 'flags'],
      (input: unknown, pattern: unknown, replacement: unknown, flags: unknown) => {
        regex(pattern, input, flags);
        return evaluate('replace(input, pattern, replacement, flags)', { input, pattern, replacement, flags }).value;
      },
    ),
    split: feelFunction(['string', 'delimiter'], (string: unknown, delimiter: unknown) => {
      regex(delimiter, string, '');
      return evaluate('split(string, delimiter)', { string, delimiter }).value;
    }),
  };
}

/** feelin reads a JS function's parameter names from `$args` (otherwise from its source text). */
function feelFunction<T extends (...args: never[]) => unknown>(names: string[], fn: T): T {
  return Object.assign(fn, { $args: names });
}

function rangeSize(start: unknown, end: unknown): number {
  if (typeof start !== 'number' || typeof end !== 'number') return 1;
  const size = Math.abs(end - start) + 1;
  return Number.isFinite(size) ? size : Number.MAX_SAFE_INTEGER;
}

function shallowSize(value: unknown): number {
  if (typeof value === 'string') return Math.ceil(value.length / CHARACTERS_PER_STEP);
  if (Array.isArray(value)) return value.length;
  if (isPlainObject(value)) return Object.keys(value).length;
  return 0;
}

/** Items, entries and characters in `value`, counted up to `cap` (shared parts count each time they are reached). */
function deepSize(value: unknown, cap: number): number {
  let size = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0 && size <= cap) {
    const next = pending.pop();
    size += 1 + shallowSize(next);
    if (Array.isArray(next)) pending.push(...next.slice(0, cap));
    else if (isPlainObject(next)) pending.push(...Object.values(next).slice(0, cap));
  }
  return size;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;
}
