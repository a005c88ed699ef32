/**
 * The common shapes of DMN cells, compiled to plain functions so a table does not go through
 * feelin (which parses the text and copies the variables on every call: 70 µs an input entry on
 * the benchmark machine, bench/decisions.ts). Only constant shapes are compiled, and only
 * primitive inputs take the compiled path; anything else returns undefined here and is evaluated
 * by FEEL as before. fast-path.spec.ts checks the compiled answers against feelin's on a grid.
 *
 * Input entries: `-`; literals (numbers, strings without escapes, true, false, null); `< <= > >=`
 * a number or string literal; numeric intervals `[a..b]` `(a..b)` `]a..b[`; comma lists of those;
 * `not(…)` of a list. The answers are feelin's (an input entry matches or it does not; `not(…)` is
 * the negation of the match), but for one thing: feelin lets `< 5` and `[1..5]` match a boolean or
 * a string input (it compares across types); here, as FEEL says, a number test never matches a
 * value that is not a number, nor a string test one that is not a string.
 */

type Test = (input: Primitive) => boolean;
type Primitive = number | string | boolean | null;

/** A compiled input entry: the match, or undefined when the input is not a primitive (use FEEL). */
export type CompiledTest = (input: unknown) => boolean | undefined;

const tests = new Map<string, CompiledTest | null>();
const MAX_CACHED = 5_000;

export function isPrimitive(value: unknown): value is Primitive | undefined {
  return (
    value === null ||
    value === undefined ||
    typeof value === 'number' ||
    typeof value === 'string' ||
    typeof value === 'boolean'
  );
}

/** The compiled form of an input entry, or null when it is not one of the shapes above. */
export function compiledTest(text: string): CompiledTest | null {
  let compiled = tests.get(text);
  if (compiled === undefined) {
    const test = compile(text);
    compiled = test ? (input: unknown) => (isPrimitive(input) ? test(input ?? null) : undefined) : null;
    if (tests.size >= MAX_CACHED) tests.clear();
    tests.set(text, compiled);
  }
  return compiled;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const NUMBER = /^-?\d+(\.\d+)?$/;
const STRING = /^"[^"\\]*"$/;

/** A constant output entry or input expression's value: `{ value }`, or undefined when it is not a literal. */
export function literal(text: string): { value: Primitive } | undefined {
  if (NUMBER.test(text)) return { value: Number(text) };
  if (STRING.test(text)) return { value: text.slice(1, -1) };
  if (text === 'true' || text === 'false') return { value: text === 'true' };
  if (text === 'null') return { value: null };
  return undefined;
}

/** An input expression that is a plain one-word variable name (its value is read directly). */
export function isPlainName(text: string): boolean {
  return NAME.test(text) && !['true', 'false', 'null', 'not', 'for', 'if', 'some', 'every', 'function'].includes(text);
}

function tokens(text: string): string[] | undefined {
  const found: string[] = [];
  const pattern = /\s*("[^"\\]*"|-?\d+(?:\.\d+)?|\.\.|<=|>=|[<>,()[\]]|[A-Za-z]+)\s*/y;
  let at = 0;
  while (at < text.length) {
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (!match) return undefined;
    found.push(match[1]);
    at = pattern.lastIndex;
  }
  return found;
}

function compile(text: string): Test | undefined {
  const trimmed = text.trim();
  if (trimmed === '-' || trimmed === '') return () => true;
  const list = tokens(trimmed);
  if (!list) return undefined;
  if (list[0] === 'not' && list[1] === '(' && list[list.length - 1] === ')') {
    const inner = disjunction(list.slice(2, -1));
    return inner && ((input) => !inner(input));
  }
  return disjunction(list);
}

/** `a, b, c`: true when one holds. */
function disjunction(list: string[]): Test | undefined {
  const parts: Test[] = [];
  let start = 0;
  for (let index = 0; index <= list.length; index++) {
    if (index === list.length || list[index] === ',') {
      const part = single(list.slice(start, index));
      if (!part) return undefined;
      parts.push(part);
      start = index + 1;
    }
  }
  if (parts.length === 1) return parts[0];
  return (input) => parts.some((part) => part(input));
}

function single(part: string[]): Test | undefined {
  if (part.length === 1) {
    const constant = literal(part[0]);
    return constant && equals(constant.value);
  }
  if (part.length === 2 && ['<', '<=', '>', '>='].includes(part[0])) {
    const constant = literal(part[1]);
    if (!constant || (typeof constant.value !== 'number' && typeof constant.value !== 'string')) return undefined;
    return compare(part[0], constant.value);
  }
  if (part.length === 5 && ['[', '(', ']'].includes(part[0]) && part[2] === '..' && [']', ')', '['].includes(part[4])) {
    if (!NUMBER.test(part[1]) || !NUMBER.test(part[3])) return undefined;
    const [low, high] = [Number(part[1]), Number(part[3])];
    const [lowIn, highIn] = [part[0] === '[', part[4] === ']'];
    return (input) =>
      typeof input === 'number' && (lowIn ? input >= low : input > low) && (highIn ? input <= high : input < high);
  }
  return undefined;
}

function equals(value: Primitive): Test {
  return (input) => input === value;
}

function compare(op: string, value: number | string): Test {
  return (input) => {
    if (typeof input !== typeof value) return false;
    const [a, b] = [input as number | string, value];
    return op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : a >= b;
  };
}
