import { controlSlip, type StepRow } from './control-slip.rows';

describe('control slip', () => {
  const t = (h: number) => new Date(Date.UTC(2025, 5, 2, h));
  const step = (over: Partial<StepRow>): StepRow => ({
    name: 'Bước', unitCode: 'U1', assignee: null, createdAt: t(1), dueAt: t(5), completedAt: null, completedBy: null, status: 'open', ...over,
  });

  it('chains handovers from the desk through each completer, and rates each step', () => {
    // given a step finished a day before its due day, one finished the due day, one late and one open
    const rows = controlSlip({ unitCode: 'DESK', user: 'reception' }, [
      step({ name: 'A', unitCode: 'U1', dueAt: t(30), completedAt: t(2), completedBy: 'a', status: 'completed' }),
      step({ name: 'A2', unitCode: 'U1', completedAt: t(4), completedBy: 'a', status: 'completed' }),
      step({ name: 'B', unitCode: 'U2', createdAt: t(2), dueAt: t(3), completedAt: t(4), completedBy: 'b', status: 'completed' }),
      step({ name: 'C', unitCode: 'U3', createdAt: t(4), dueAt: t(5) }),
    ]);
    // then
    expect(rows.map((r) => [r.from.user, r.to.user, r.result])).toEqual([
      ['reception', 'a', 'early'],
      ['a', 'a', 'on_time'],
      ['a', 'b', 'late'],
      ['b', null, null],
    ]);
    expect(rows[3].from.unitCode).toBe('U2');
  });
});
