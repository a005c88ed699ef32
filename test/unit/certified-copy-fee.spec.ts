import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateDecision, parseDmn, type DecisionsModel } from '../../libs/decisions/src';

// The demo's fee of certified copies (issue 21 item 3) as a decision table:
// processes/le-phi-chung-thuc-ban-sao.dmn. 2,000 đ a page for the first two pages, 1,000 đ a page from the
// third, at most 200,000 đ a copy; the total is the fee of a copy times the number of copies.
describe('processes/le-phi-chung-thuc-ban-sao.dmn', () => {
  let model: DecisionsModel;
  const fee = (pages: number, copies: number) => evaluateDecision(model, 'fee', { pages, copies }).result;

  beforeAll(async () => {
    model = await parseDmn(
      readFileSync(join(__dirname, '..', '..', 'processes', 'le-phi-chung-thuc-ban-sao.dmn'), 'utf8'),
    );
  });

  it.each([
    // pages, copies, total
    [1, 1, 2_000],
    [2, 1, 4_000],
    [3, 1, 5_000],
    [10, 1, 12_000],
    [198, 1, 200_000],
    [199, 1, 200_000],
    [300, 1, 200_000],
    [1, 3, 6_000],
    [2, 3, 12_000],
    [3, 3, 15_000],
    [10, 3, 36_000],
    [300, 3, 600_000],
  ])('%i pages, %i copies: %i đ', (pages, copies, total) => {
    // given the table; when the fee is decided; then
    expect(fee(pages, copies)).toBe(total);
  });

  it('gives the fee of one copy as its own decision, and the rule that set it', () => {
    // when
    const evaluation = evaluateDecision(model, 'feePerCopy', { pages: 10 });
    // then
    expect(evaluation.result).toBe(12_000);
    expect(evaluation.trace[0].matchedRules).toEqual(['feePerCopy_from3']);
  });

  it('decides nothing (null) for no page at all', () => {
    expect(fee(0, 1)).toBeNull();
  });
});
