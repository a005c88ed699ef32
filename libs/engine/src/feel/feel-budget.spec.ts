import { evaluateCondition, evaluateExpression } from './feel-expression';
import { unaryTestWithinBudget } from './feel-budget';

/** Feature: FEEL runs within a budget (issue 15); inside it, FEEL means what it meant before. */
describe('FEEL evaluation budget', () => {
  it('stops a nested loop over variables with FEEL_BUDGET_EXCEEDED', () => {
    // given two lists of 200 items
    const items = Array.from({ length: 200 }, (_, index) => index);
    // when every pair is visited
    const result = evaluateExpression('count(for a in items, b in items return a + b)', { items });
    // then
    expect(result).toMatchObject({ ok: false, code: 'FEEL_BUDGET_EXCEEDED' });
  });

  it('stops a string that doubles each iteration', () => {
    // given / when
    const result = evaluateExpression('for i in 1..60 return if i = 1 then "x" else partial[-1] + partial[-1]', {});
    // then
    expect(result).toMatchObject({ ok: false, code: 'FEEL_BUDGET_EXCEEDED' });
  });

  it('refuses function definitions at runtime too', () => {
    expect(evaluateExpression('{f: function(n) n}.f(1)', {})).toMatchObject({
      ok: false,
      code: 'FEEL_FUNCTION_FORBIDDEN',
    });
  });

  it('refuses a regular expression whose backtracking over the input would be too long', () => {
    // given 2,000 characters (`.*.*x` over them took 4.4 s)
    const text = 'a'.repeat(2000);
    // when / then
    expect(evaluateCondition('matches(text, ".*.*x")', { text })).toMatchObject({
      ok: false,
      code: 'FEEL_REGEX_UNSAFE',
    });
    expect(evaluateCondition('matches(text, pattern)', { text, pattern: '(a+)+$' })).toMatchObject({
      ok: false,
      code: 'FEEL_REGEX_UNSAFE',
    });
    expect(evaluateCondition('matches(text, "^a+$")', { text })).toEqual({ ok: true, value: true });
  });

  it('keeps FEEL semantics inside the budget', () => {
    // given variables with a name holding a space, a list, a context
    const variables = { 'fee total': 10, items: [{ amount: 2 }, { amount: 3 }], name: 'Nguyễn Văn A' };
    // when / then
    expect(evaluateExpression('fee total + sum(items.amount)', variables)).toEqual({ ok: true, value: 15 });
    expect(evaluateExpression('for i in 1..3 return i * 2', variables)).toEqual({ ok: true, value: [2, 4, 6] });
    expect(evaluateExpression('items[amount > 2].amount', variables)).toEqual({ ok: true, value: [3] });
    expect(evaluateExpression('every x in items satisfies x.amount > 1', variables)).toEqual({ ok: true, value: true });
    expect(evaluateExpression('replace(name, "Văn", "Thị")', variables)).toEqual({ ok: true, value: 'Nguyễn Thị A' });
    expect(evaluateExpression('split("a,b", ",")', variables)).toEqual({ ok: true, value: ['a', 'b'] });
    expect(evaluateExpression('sum(for i in 1..1000 return i)', {})).toEqual({ ok: true, value: 500500 });
    expect(evaluateCondition('missing = 1', {})).toEqual({ ok: true, value: false });
  });
});

describe('FEEL evaluation budget and long texts', () => {
  it('reads a 20,000-character text (a step per 64 characters), but not a 20,000-item list', () => {
    // given
    const note = 'x'.repeat(20_000);
    const items = Array.from({ length: 20_000 }, () => 1);
    // when / then
    expect(evaluateCondition('string length(note) > 0', { note })).toEqual({ ok: true, value: true });
    expect(evaluateCondition('count(items) > 0', { items })).toMatchObject({ ok: false, code: 'FEEL_BUDGET_EXCEEDED' });
  });
});

describe('FEEL unary tests within the budget (DMN input entries, libs/decisions)', () => {
  it('tests the input `?` with the usual unary tests and variables with spaces', () => {
    // given / when / then
    expect(unaryTestWithinBudget('>= 18', 20, {})).toBe(true);
    expect(unaryTestWithinBudget('"a", "b"', 'c', {})).toBe(false);
    expect(unaryTestWithinBudget('[1..5]', 3, {})).toBe(true);
    expect(unaryTestWithinBudget('not("x")', 'y', {})).toBe(true);
    expect(unaryTestWithinBudget('< page limit', 2, { 'page limit': 3 })).toBe(true);
    expect(unaryTestWithinBudget('? > 5', 6, {})).toBe(true);
  });

  it('stops an input entry that would iterate ten million times with FEEL_BUDGET_EXCEEDED', () => {
    expect(() => unaryTestWithinBudget('< count(for i in 1..10000000 return i)', 3, {})).toThrow(
      expect.objectContaining({ code: 'FEEL_BUDGET_EXCEEDED' }) as Error,
    );
  });
});
