import { planNextCycle, planTimer, timerProblem } from './timer.schedule';

const NOW = new Date('2025-03-03T01:00:00.000Z');
const timer = (type: 'date' | 'duration' | 'cycle', value: string, workingTime = false) => ({
  type,
  value,
  workingTime,
});

describe('timer schedule', () => {
  it('a duration is due that long after now', () => {
    // given / when / then
    expect(planTimer(timer('duration', 'PT2H'), NOW)).toEqual({ dueAt: new Date('2025-03-03T03:00:00.000Z') });
  });

  it('a date is due at that instant', () => {
    // given / when / then
    expect(planTimer(timer('date', '2025-03-10T08:00:00+07:00'), NOW).dueAt.toISOString()).toBe(
      '2025-03-10T01:00:00.000Z',
    );
  });

  it('a cycle counts its repetitions down; R/ repeats forever', () => {
    // given
    const cycle = timer('cycle', 'R3/PT10M');

    // when
    const first = planTimer(cycle, NOW);
    const second = planNextCycle(cycle, first.dueAt, first.remaining!);

    // then
    expect(first).toEqual({ dueAt: new Date('2025-03-03T01:10:00.000Z'), remaining: 2 });
    expect(second).toEqual({ dueAt: new Date('2025-03-03T01:20:00.000Z'), remaining: 1 });
    expect(planTimer(timer('cycle', 'R/P1D'), NOW).remaining).toBeNull();
    expect(planTimer(timer('cycle', 'R2/2025-03-04T08:00:00+07:00/PT1H'), NOW).dueAt.toISOString()).toBe(
      '2025-03-04T01:00:00.000Z',
    );
  });

  it('working time goes through ctx.workingTime', () => {
    // given
    const add = jest.fn(() => new Date('2025-03-04T01:00:00.000Z'));

    // when
    const plan = planTimer(timer('duration', 'P1D', true), NOW, { add });

    // then
    expect(add).toHaveBeenCalledWith(NOW, 'P1D');
    expect(plan.dueAt.toISOString()).toBe('2025-03-04T01:00:00.000Z');
  });

  it.each([
    [timer('duration', 'soon'), 'not an ISO 8601 duration'],
    [timer('duration', 'PT0S'), 'zero duration'],
    [timer('duration', 'P1W', true), 'working time'],
    [timer('date', '2025-03-10'), 'date-time with an offset'],
    [timer('cycle', '0 0 9 * * ?'), 'repeating interval'],
    [timer('cycle', 'R0/PT1H'), 'zero times'],
    [timer('duration', '=dueIn'), 'expressions'],
  ])('%j is refused (%s)', (definition, reason) => {
    // given / when / then
    expect(timerProblem(definition)).toContain(reason);
  });
});
