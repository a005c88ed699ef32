import { regexProblem, regexShape } from './regex.guard';

/** Feature: only regular expressions whose backtracking can be bounded run (issue 15). */
describe('regular expression guard', () => {
  it.each(['(a+)+$', '(a|a)*b', '(\\d{2,})*', '(a)\\1', '(?<x>a)\\k<x>', '(?=a)a', '(?<!a)b', '([a-z]+,)+'])(
    'refuses the shape of %s',
    (pattern) => {
      expect(regexShape(pattern)).toMatchObject({ ok: false });
    },
  );

  it.each(['^[0-9]+(\\.[0-9]+)?$', '^\\d{3}-\\d{4}$', '[(+*)]', '\\(a+\\)+', 'a|b|c', '^(0|\\+84)[0-9]{9}$'])(
    'accepts the shape of %s',
    (pattern) => {
      expect(regexShape(pattern)).toMatchObject({ ok: true });
    },
  );

  it('bounds the work by the input: the same pattern runs on a short input and is refused on a long one', () => {
    // given a pattern with two open quantifiers (cubic over an unanchored input)
    const pattern = '.*.*x';
    // when / then
    expect(regexProblem(pattern, 'a'.repeat(100))).toBeNull();
    expect(regexProblem(pattern, 'a'.repeat(2000))).toMatch(/more than 2000000 steps/);
  });

  it('counts an anchored pattern at one position, unless the m flag makes ^ match at every line', () => {
    const input = 'a'.repeat(1000);
    expect(regexProblem('^a+b', input)).toBeNull();
    expect(regexProblem('a+a+b', input)).not.toBeNull();
    expect(regexProblem('^a+a+b', input, 'm')).not.toBeNull();
  });
});
