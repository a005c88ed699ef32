import { dmnFixture } from './__tests__/fixtures';
import { evaluateDecision } from './decision.evaluator';
import { DecisionError } from './decision.types';
import { MAX_DMN_LENGTH, parseDmn } from './dmn.parser';

async function refusal(xml: string): Promise<DecisionError> {
  try {
    await parseDmn(xml);
  } catch (error) {
    if (error instanceof DecisionError) return error;
    throw error;
  }
  throw new Error('expected the document to be refused');
}

describe('parseDmn refuses at deploy, naming the element', () => {
  it('a cycle of requirements (DMN_REQUIREMENT_CYCLE), with its path', async () => {
    const error = await refusal(dmnFixture('cycle.dmn'));
    expect(error.code).toBe('DMN_REQUIREMENT_CYCLE');
    expect(error.message).toContain('a → b → c → a');
  });

  it('a business knowledge model (DMN_UNSUPPORTED_ELEMENT)', async () => {
    const error = await refusal(dmnFixture('unsupported-bkm.dmn'));
    expect(error.code).toBe('DMN_UNSUPPORTED_ELEMENT');
    expect(error.elementId).toBe('feeFormula');
  });

  it('a decision whose logic is a boxed context (DMN_UNSUPPORTED_ELEMENT)', async () => {
    const error = await refusal(dmnFixture('unsupported-context.dmn'));
    expect(error.code).toBe('DMN_UNSUPPORTED_ELEMENT');
    expect(error.elementId).toBe('fee_context');
  });

  it('an element DMN 1.3 does not define, rather than dropping it', async () => {
    const xml = dmnFixture('drg.dmn').replace(
      '<knowledgeSource id="tariff" name="Tariff decree" />',
      '<conditional id="odd" />',
    );
    const error = await refusal(xml);
    expect(error.code).toBe('DMN_UNSUPPORTED_ELEMENT');
  });

  it('a requirement to an element the document does not hold (DMN_REQUIREMENT_MISSING)', async () => {
    const error = await refusal(dmnFixture('drg.dmn').replace('href="#ageGroup"', 'href="#nowhere"'));
    expect(error.code).toBe('DMN_REQUIREMENT_MISSING');
    expect(error.elementId).toBe('discount');
  });

  it('a FEEL syntax error in an input entry or an output entry (DMN_FEEL_SYNTAX)', async () => {
    const inEntry = await refusal(dmnFixture('drg.dmn').replace('<text>&lt; 16</text>', '<text>&lt; 16 +</text>'));
    expect(inEntry.code).toBe('DMN_FEEL_SYNTAX');
    const outEntry = await refusal(dmnFixture('drg.dmn').replace('<text>0.5</text>', '<text>0.5 +</text>'));
    expect(outEntry.code).toBe('DMN_FEEL_SYNTAX');
  });

  it('a rule whose entries do not fit the columns (DMN_INVALID_DECISION)', async () => {
    const xml = dmnFixture('drg.dmn').replace(
      '<rule id="ageGroup_child"><inputEntry><text>&lt; 16</text></inputEntry>',
      '<rule id="ageGroup_child"><inputEntry><text>&lt; 16</text></inputEntry><inputEntry><text>-</text></inputEntry>',
    );
    const error = await refusal(xml);
    expect(error.code).toBe('DMN_INVALID_DECISION');
    expect(error.elementId).toBe('ageGroup_child');
  });

  it('an aggregation over several outputs, and PRIORITY without output values (DMN_INVALID_DECISION)', async () => {
    const hits = dmnFixture('hit-policies.dmn');
    const aggregated = await refusal(
      hits.replace(
        'id="multiOutput_table" hitPolicy="UNIQUE"',
        'id="multiOutput_table" hitPolicy="COLLECT" aggregation="SUM"',
      ),
    );
    expect(aggregated).toMatchObject({ code: 'DMN_INVALID_DECISION', elementId: 'multiOutput_table' });
    const unordered = await refusal(
      hits.replace('id="unique_table" hitPolicy="UNIQUE"', 'id="unique_table" hitPolicy="PRIORITY"'),
    );
    expect(unordered).toMatchObject({ code: 'DMN_INVALID_DECISION', elementId: 'unique_table' });
  });

  it('an import of another model (DMN_UNSUPPORTED_ELEMENT)', async () => {
    const xml = dmnFixture('drg.dmn').replace(
      '<inputData id="applicantAge"',
      '<import namespace="https://example.org/other" locationURI="other.dmn" importType="https://www.omg.org/spec/DMN/20191111/MODEL/" name="other" /><inputData id="applicantAge"',
    );
    const error = await refusal(xml);
    expect(error.code).toBe('DMN_UNSUPPORTED_ELEMENT');
    expect(error.message).toContain('other.dmn');
  });

  it('an expression language other than FEEL (DMN_UNSUPPORTED_ELEMENT)', async () => {
    const error = await refusal(
      dmnFixture('drg.dmn').replace(
        '<literalExpression id="price_expr">',
        '<literalExpression id="price_expr" expressionLanguage="javascript">',
      ),
    );
    expect(error).toMatchObject({ code: 'DMN_UNSUPPORTED_ELEMENT', elementId: 'price_expr' });
  });

  it('a document over MAX_DMN_LENGTH, before reading it (DMN_MALFORMED)', async () => {
    const padded = dmnFixture('drg.dmn').replace(
      '</definitions>',
      `<!--${'x'.repeat(MAX_DMN_LENGTH)}--></definitions>`,
    );
    const error = await refusal(padded);
    expect(error.code).toBe('DMN_MALFORMED');
    expect(error.message).toContain(`at most ${MAX_DMN_LENGTH}`);
  });

  it('XML that does not parse, and XML that is not DMN 1.3 (DMN_MALFORMED)', async () => {
    expect((await refusal('<definitions')).code).toBe('DMN_MALFORMED');
    const dmn15 = dmnFixture('drg.dmn').replace(
      'https://www.omg.org/spec/DMN/20191111/MODEL/',
      'https://www.omg.org/spec/DMN/20230324/MODEL/',
    );
    const error = await refusal(dmn15);
    expect(error.code).toBe('DMN_MALFORMED');
    expect(error.message).toContain('DMN 1.3');
  });
});

describe('parseDmn accepts what an editor writes', () => {
  it('a Camunda Modeler table with vendor attributes and its diagram (DMNDI)', async () => {
    // given the file as dmn-js saves it; when it is parsed and evaluated
    const model = await parseDmn(dmnFixture('camunda-modeler.dmn'));
    // then
    expect(evaluateDecision(model, 'dish', { season: 'Winter' }).result).toBe('Roastbeef');
    expect(evaluateDecision(model, 'Dish', { season: 'Summer' }).result).toBe('Salad');
  });

  it('but not a document whose default expression language is not FEEL', async () => {
    const xml = dmnFixture('camunda-modeler.dmn').replace(
      'id="dishDefinitions"',
      'id="dishDefinitions" expressionLanguage="juel"',
    );
    const error = await refusal(xml);
    expect(error).toMatchObject({ code: 'DMN_UNSUPPORTED_ELEMENT', elementId: 'dishDefinitions' });
  });
});
