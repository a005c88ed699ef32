import { rollUp } from './summary.rollup';
import { emptyCounts, type SummaryLine } from './summary.rules';

const line = (key: string, received: number, resolved: number): SummaryLine => ({
  key,
  name: key,
  ...emptyCounts(),
  received,
  resolved,
});

describe('rollUp', () => {
  // given lines by unit and procedure
  const lines = [line('U2|P1', 3, 1), line('U1|P1', 2, 2), line('U1|P2', 5, 0)];

  it('sums the lines of each unit, sorted by key', () => {
    const byUnit = rollUp(lines, (l) => ({ key: l.key.split('|')[0], name: `Đơn vị ${l.key.split('|')[0]}` }));
    expect(byUnit.map((l) => [l.key, l.name, l.received, l.resolved])).toEqual([
      ['U1', 'Đơn vị U1', 7, 2],
      ['U2', 'Đơn vị U2', 3, 1],
    ]);
  });

  it('sums the lines of each procedure across units', () => {
    const byProcedure = rollUp(lines, (l) => ({ key: l.key.split('|')[1], name: l.key.split('|')[1] }));
    expect(byProcedure.map((l) => [l.key, l.received, l.resolved])).toEqual([
      ['P1', 5, 3],
      ['P2', 5, 0],
    ]);
  });

  it('gives no line for no lines', () => {
    expect(rollUp([], () => ({ key: 'x', name: 'x' }))).toEqual([]);
  });
});
