import { dmnFixture } from './__tests__/fixtures';
import { evaluateDecision } from './decision.evaluator';
import { DecisionError, type DecisionsModel } from './decision.types';
import { parseDmn } from './dmn.parser';

// One table per hit policy over the input `score` (DMN 1.3 §8.2.11), in __fixtures__/hit-policies.dmn.
describe('hit policies', () => {
  let model: DecisionsModel;
  const result = (decision: string, variables: Record<string, unknown>) =>
    evaluateDecision(model, decision, variables).result;
  const failure = (decision: string, variables: Record<string, unknown>) => {
    try {
      evaluateDecision(model, decision, variables);
    } catch (error) {
      return error as DecisionError;
    }
    throw new Error('expected a DecisionError');
  };

  beforeAll(async () => {
    model = await parseDmn(dmnFixture('hit-policies.dmn'));
  });

  it('UNIQUE gives the one matching rule, null when none matches', () => {
    // given the table unique: < 50 fail, [50..80) pass, >= 80 excellent
    // when / then
    expect(result('unique', { score: 49 })).toBe('fail');
    expect(result('unique', { score: 50 })).toBe('pass');
    expect(result('unique', { score: 80 })).toBe('excellent');
    expect(result('unique', { score: null })).toBeNull();
  });

  it('UNIQUE with two matching rules is a hit-policy violation naming them', () => {
    // given uniqueOverlap: >= 0 a, >= 50 b
    // when
    const error = failure('uniqueOverlap', { score: 60 });
    // then
    expect(error).toBeInstanceOf(DecisionError);
    expect(error.code).toBe('DMN_HIT_POLICY_VIOLATION');
    expect(error.elementId).toBe('uniqueOverlap_table');
    expect(error.message).toContain('uniqueOverlap_r1, uniqueOverlap_r2');
    expect(result('uniqueOverlap', { score: 10 })).toBe('a');
  });

  it('FIRST gives the first matching rule in rule order', () => {
    expect(result('first', { score: 90 })).toBe('excellent');
    expect(result('first', { score: 60 })).toBe('pass');
    expect(result('first', { score: 10 })).toBe('fail');
  });

  it('PRIORITY gives the matching rule whose output comes first in the output values', () => {
    // given output values "high","medium","low"; rules >= 0 low, >= 50 high, >= 30 medium
    expect(result('priority', { score: 60 })).toBe('high');
    expect(result('priority', { score: 40 })).toBe('medium');
    expect(result('priority', { score: 10 })).toBe('low');
  });

  it('ANY accepts several matches with equal outputs and refuses different ones', () => {
    expect(result('any', { score: 75 })).toBe('ok');
    expect(result('any', { score: 10 })).toBeNull();
    expect(failure('anyConflict', { score: 75 }).code).toBe('DMN_HIT_POLICY_VIOLATION');
    expect(result('anyConflict', { score: 60 })).toBe('ok');
  });

  it('COLLECT without aggregation lists every match; with SUM, MIN, MAX and COUNT aggregates them', () => {
    // given rules >= 10 → 10, >= 20 → 20, >= 30 → 5 and a score of 35 (all three match)
    const score = { score: 35 };
    // when / then
    expect(result('collect', score)).toEqual([10, 20, 5]);
    expect(result('collectSum', score)).toBe(35);
    expect(result('collectMin', score)).toBe(5);
    expect(result('collectMax', score)).toBe(20);
    expect(result('collectCount', score)).toBe(3);
    expect(result('collectSum', { score: 25 })).toBe(30);
  });

  it('COLLECT with no match gives an empty list, null for SUM/MIN/MAX and 0 for COUNT', () => {
    const score = { score: 0 };
    expect(result('collect', score)).toEqual([]);
    expect(result('collectSum', score)).toBeNull();
    expect(result('collectMin', score)).toBeNull();
    expect(result('collectMax', score)).toBeNull();
    expect(result('collectCount', score)).toBe(0);
  });

  it('RULE ORDER lists the matches in rule order', () => {
    expect(result('ruleOrder', { score: 35 })).toEqual([10, 20, 5]);
    expect(result('ruleOrder', { score: 15 })).toEqual([10]);
  });

  it('OUTPUT ORDER lists the matches in the order of the output values', () => {
    // given output values "gold","silver","bronze"; rules >= 10 bronze, >= 20 gold, >= 30 silver
    expect(result('outputOrder', { score: 35 })).toEqual(['gold', 'silver', 'bronze']);
    expect(result('outputOrder', { score: 25 })).toEqual(['gold', 'bronze']);
  });

  it('a table with several outputs gives a context keyed by output name, output entries evaluated as FEEL', () => {
    expect(result('multiOutput', { score: 60 })).toEqual({ fee: 120, label: 'paid' });
    expect(result('multiOutput', { score: 10 })).toEqual({ fee: 0, label: 'free' });
  });

  it('the default output entry stands in when no rule matches', () => {
    expect(result('withDefault', { score: 95 })).toBe('top');
    expect(result('withDefault', { score: 10 })).toBe('unknown');
  });

  it('input entries are FEEL unary tests: lists of values, not(…), ranges, comparisons', () => {
    expect(result('twoInputs', { age: 10, kind: 'student' })).toBe('child');
    expect(result('twoInputs', { age: 70, kind: 'retired' })).toBe('reduced');
    expect(result('twoInputs', { age: 30, kind: 'worker' })).toBe('full');
    expect(result('twoInputs', { age: 10, kind: 'worker' })).toBeNull();
  });
});
