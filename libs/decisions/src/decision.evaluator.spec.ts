import { dmnFixture } from './__tests__/fixtures';
import { evaluateDecision } from './decision.evaluator';
import { DecisionError } from './decision.types';
import { parseDmn } from './dmn.parser';

describe('decision requirement graphs (__fixtures__/drg.dmn)', () => {
  it('evaluates the required decisions first, each once, and binds their results to their names', async () => {
    // given Price = Base price * (1 - Discount); Discount (FIRST) requires Age group (UNIQUE)
    const model = await parseDmn(dmnFixture('drg.dmn'));

    // when
    const evaluation = evaluateDecision(model, 'price', { 'Applicant age': 10, Member: false, 'Base price': 100_000 });

    // then
    expect(evaluation.result).toBe(50_000);
    expect(evaluation.trace.map((step) => [step.decisionId, step.result, step.matchedRules])).toEqual([
      ['ageGroup', 'child', ['ageGroup_child']],
      ['discount', 0.5, ['discount_child']],
      ['price', 50_000, []],
    ]);
  });

  it('finds a decision by its name as well as its id, and evaluates a required decision alone', async () => {
    const model = await parseDmn(dmnFixture('drg.dmn'));
    expect(evaluateDecision(model, 'Price', { 'Applicant age': 40, Member: true, 'Base price': 100_000 }).result).toBe(
      80_000,
    );
    expect(evaluateDecision(model, 'Age group', { 'Applicant age': 40 }).result).toBe('adult');
  });

  it('orders the decisions of the model after those they require', async () => {
    const model = await parseDmn(dmnFixture('drg.dmn'));
    expect(model.decisions.map((decision) => decision.id)).toEqual(['ageGroup', 'discount', 'price']);
    expect(model.decisions[2].requiredInputs).toEqual(['Base price']);
  });

  it('an unknown decision is DMN_DECISION_NOT_FOUND', async () => {
    const model = await parseDmn(dmnFixture('drg.dmn'));
    expect(() => evaluateDecision(model, 'nothing', {})).toThrow(
      expect.objectContaining({ code: 'DMN_DECISION_NOT_FOUND' }) as DecisionError,
    );
  });

  it('a FEEL expression over its budget stops with DMN_EVALUATION_FAILED naming the element', async () => {
    // given a literal expression that iterates ten million times
    const xml = dmnFixture('drg.dmn').replace('Base price * (1 - Discount)', 'count(for i in 1..10000000 return i)');
    const model = await parseDmn(xml);

    // when / then
    expect(() => evaluateDecision(model, 'price', { 'Applicant age': 10, Member: false, 'Base price': 1 })).toThrow(
      expect.objectContaining({ code: 'DMN_EVALUATION_FAILED', elementId: 'price_expr' }) as DecisionError,
    );
  });
});

describe('bounds', () => {
  const chain = (length: number) => {
    const decisions = Array.from({ length }, (_, index) =>
      index === 0
        ? `<decision id="d0" name="D0"><literalExpression id="e0"><text>1</text></literalExpression></decision>`
        : `<decision id="d${index}" name="D${index}"><informationRequirement id="q${index}"><requiredDecision href="#d${index - 1}" /></informationRequirement>` +
          `<literalExpression id="e${index}"><text>D${index - 1} + 1</text></literalExpression></decision>`,
    );
    return `<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="chain" name="Chain" namespace="https://motcua.vn/dmn/test">${decisions.join('')}</definitions>`;
  };

  it('evaluates a chain of 200 required decisions without recursion, and refuses 201', async () => {
    // given a chain D199 → D198 → … → D0
    const model = await parseDmn(chain(200));
    // when / then
    expect(evaluateDecision(model, 'd199', {}).result).toBe(200);
    await expect(parseDmn(chain(201))).rejects.toMatchObject({ code: 'DMN_INVALID_DECISION' });
  });
});
