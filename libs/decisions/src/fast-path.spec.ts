import { unaryTest } from 'feelin';
import { compiledTest, isPlainName, literal } from './fast-path';

// The compiled input entries give feelin's answers (fast-path.ts), on a grid of entries and inputs.
const ENTRIES = [
  '-',
  '5',
  '-2.5',
  '"a"',
  '"a", "b"',
  'true',
  'false',
  'null',
  '< 5',
  '<= 5',
  '> 5',
  '>= 5',
  '< -1',
  '< "m"',
  '>= "m"',
  '[1..5]',
  '(1..5)',
  ']1..5[',
  '[1..5)',
  '(1..5]',
  '5, < 3',
  '"a", [1..2]',
  'not(5)',
  'not("a", "b")',
  'not([1..5])',
  'not(null)',
  'not(true)',
  'not(< 5, > 10)',
];
const INPUTS: unknown[] = [null, undefined, 5, 2, 7, 1, 0, -2.5, 12, 'a', 'b', 'm', 'z', true, false];

/** feelin compares across types: `< 5` holds for true, `[1..5]` for "a", `>= "m"` for 5 (see fast-path.ts). */
const typeConfused = (entry: string, input: unknown) => {
  if (input === null || input === undefined) return false;
  const numeric = /[<>]=?\s*-?\d|[[(\]]\s*-?\d/.test(entry);
  const text = /[<>]=?\s*"/.test(entry);
  return (numeric && typeof input !== 'number') || (text && typeof input !== 'string');
};

describe('compiled input entries', () => {
  it.each(ENTRIES)('%s gives feelin’s answer for every input', (entry) => {
    // given the compiled entry
    const test = compiledTest(entry);
    expect(test).not.toBeNull();
    // when / then: for every input, the same match as feelin (where feelin does not compare across types)
    for (const input of INPUTS) {
      const feelin = entry === '-' ? true : unaryTest(entry, { '?': input ?? null }).value === true;
      const mine = test!(input);
      if (typeConfused(entry, input) && mine !== feelin) {
        expect(mine).toBe(entry.startsWith('not(')); // a number test never matches a boolean or a string
        continue;
      }
      expect([entry, input, mine]).toEqual([entry, input, feelin]);
    }
  });

  it('leaves variables, functions, escapes and non-primitive inputs to FEEL', () => {
    expect(compiledTest('< limit')).toBeNull();
    expect(compiledTest('date("2026-01-01")')).toBeNull();
    expect(compiledTest('"a\\"b"')).toBeNull();
    expect(compiledTest('? > 5')).toBeNull();
    expect(compiledTest('5')!([5])).toBeUndefined();
  });

  it('reads constant output entries and plain names', () => {
    expect(literal('200000')).toEqual({ value: 200000 });
    expect(literal('"fail"')).toEqual({ value: 'fail' });
    expect(literal('pages * 2000')).toBeUndefined();
    expect(isPlainName('category')).toBe(true);
    expect(isPlainName('Applicant age')).toBe(false);
    expect(isPlainName('null')).toBe(false);
  });
});
