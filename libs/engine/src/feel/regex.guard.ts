/**
 * Regular expressions in FEEL (`matches`, `replace`, `split`) run on V8's backtracking engine,
 * which has no time limit: `.*.*x` over 2,000 characters took 4.4 s here (issue 15). A pattern
 * is accepted only in a shape whose backtracking can be bounded, and only on inputs short
 * enough for that bound:
 * - refused outright: backreferences, lookaround, and any repetition of a group other than
 *   `?` (nested quantifiers such as `(a+)+` and repeated alternations such as `(a|a)*` are the
 *   exponential cases);
 * - the rest is bounded by positions × the product of each quantifier's choices (0…n
 *   repetitions for an open one over an input of n characters) × each alternation's branches;
 *   a pattern anchored with `^` (no `m` flag) is tried at one position only. Above
 *   MAX_REGEX_STEPS the call is refused.
 */
export const MAX_REGEX_STEPS = 2_000_000;

/** The pattern's shape: why it is refused, or the factors that bound its backtracking. */
export type RegexShape =
  { ok: false; problem: string } | { ok: true; anchored: boolean; open: number; bounded: number[]; branches: number };

/** Reads a pattern's shape without running it. */
export function regexShape(pattern: string): RegexShape {
  const refuse = (problem: string): RegexShape => ({
    ok: false,
    problem: `pattern '${pattern.length > 80 ? `${pattern.slice(0, 80)}…` : pattern}' ${problem}`,
  });
  let open = 0;
  let branches = 1;
  const bounded: number[] = [];
  const groupBranches: number[] = [1];
  let lastWasGroup = false;
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index];
    if (char === '\\') {
      const next = pattern[index + 1] ?? '';
      if (/[1-9]/.test(next) || next === 'k') return refuse('uses a backreference, which is not allowed');
      index++;
      lastWasGroup = false;
      continue;
    }
    if (char === '[') {
      for (index++; index < pattern.length && pattern[index] !== ']'; index++) if (pattern[index] === '\\') index++;
      lastWasGroup = false;
      continue;
    }
    if (char === '(') {
      if (
        pattern.startsWith('(?=', index) ||
        pattern.startsWith('(?!', index) ||
        pattern.startsWith('(?<=', index) ||
        pattern.startsWith('(?<!', index)
      ) {
        return refuse('uses lookaround, which is not allowed');
      }
      groupBranches.push(1);
      lastWasGroup = false;
      continue;
    }
    if (char === ')') {
      branches *= groupBranches.pop() ?? 1;
      lastWasGroup = true;
      continue;
    }
    if (char === '|') {
      groupBranches[groupBranches.length - 1]++;
      lastWasGroup = false;
      continue;
    }
    const quantifier = /^(?:[*+?]|\{(\d+)(,(\d*))?\})/.exec(pattern.slice(index, index + 24));
    if (quantifier) {
      const [text, , comma, upper] = quantifier;
      const unbounded = text === '*' || text === '+' || (comma !== undefined && upper === '');
      const max = text === '?' ? 1 : unbounded ? Infinity : Number(upper ?? quantifier[1]);
      if (lastWasGroup && max > 1)
        return refuse('repeats a group (nested quantifiers or repeated alternatives), which is not allowed');
      const choices = text === '?' ? 2 : comma === undefined ? 1 : max - Number(quantifier[1]) + 1;
      if (unbounded) open++;
      else if (choices > 1) bounded.push(choices);
      index += text.length - 1;
      if (pattern[index + 1] === '?') index++;
      lastWasGroup = false;
      continue;
    }
    lastWasGroup = false;
  }
  branches *= groupBranches[0];
  return { ok: true, anchored: pattern.startsWith('^'), open, bounded, branches };
}

/** Why running `pattern` over `input` is refused, or null when its backtracking stays within MAX_REGEX_STEPS. */
export function regexProblem(pattern: string, input: string, flags = ''): string | null {
  const shape = regexShape(pattern);
  if (!shape.ok) return shape.problem;
  const choices = input.length + 1;
  let steps = (shape.anchored && !flags.includes('m') ? 1 : choices) * shape.branches;
  for (let count = 0; count < shape.open && steps <= MAX_REGEX_STEPS; count++) steps *= choices;
  for (const factor of shape.bounded) steps *= Math.min(factor, choices);
  if (steps <= MAX_REGEX_STEPS) return null;
  return `pattern '${pattern.length > 80 ? `${pattern.slice(0, 80)}…` : pattern}' over ${input.length} characters may take more than ${MAX_REGEX_STEPS} steps: shorten the input or simplify the pattern`;
}
