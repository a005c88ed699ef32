import { evaluateCondition, feelSyntaxError, MAX_FEEL_LENGTH, stripExpressionMarker } from './feel-expression';

describe('FEEL conditions', () => {
  it('strip the Camunda 8 and Camunda 7 markers', () => {
    // given / when / then
    expect(stripExpressionMarker('=approved = true')).toBe('approved = true');
    expect(stripExpressionMarker('${amount > 100}')).toBe('amount > 100');
    expect(stripExpressionMarker('  amount > 100 ')).toBe('amount > 100');
  });

  it('find syntax errors without evaluating', () => {
    // given / when / then
    expect(feelSyntaxError('amount > 100 and status = "ok"')).toBeNull();
    expect(feelSyntaxError('amount >')).toContain('FEEL syntax error');
    expect(feelSyntaxError('!approved')).toContain('FEEL syntax error');
  });

  it('refuse an overlong expression without parsing it (parse time grows faster than the length)', () => {
    // given
    const long = 'Thủ tục '.repeat(20_000);
    // when
    const started = Date.now();
    const error = feelSyntaxError(long);
    // then
    expect(error).toBe(`FEEL expression is ${long.length} characters long; at most ${MAX_FEEL_LENGTH} are accepted`);
    expect(Date.now() - started).toBeLessThan(100);
    expect(feelSyntaxError('x'.repeat(MAX_FEEL_LENGTH))).toBeNull();
  });

  it('evaluate against the variables; a missing variable does not match', () => {
    // given / when / then
    expect(evaluateCondition('amount > 100', { amount: 150 })).toEqual({ ok: true, value: true });
    expect(evaluateCondition('amount > 100', {})).toEqual({ ok: true, value: false });
    expect(evaluateCondition('decision', { decision: 'yes' })).toEqual({
      ok: false,
      error: expect.stringContaining('not a boolean'),
    });
    expect(evaluateCondition('amount >', { amount: 1 })).toEqual({ ok: false, error: expect.any(String) });
  });
});
