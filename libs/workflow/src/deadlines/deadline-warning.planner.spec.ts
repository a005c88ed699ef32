import { WorkingCalendar } from '../../../calendar/src';
import type { WorkingTime } from '../../../calendar/src';
import { planWarning } from './deadline-warning.planner';

const HOUR = 3_600_000;
const policy = { fraction: 0.25, minLeadMs: HOUR };
const calendar = new WorkingCalendar({ holidays: [] });
const calendars: WorkingTime = { add: (from) => from, calendarSync: () => calendar };

describe('planWarning', () => {
  it('warns a quarter of a working day before, counted backwards over the night', () => {
    // given a one-working-day step from Monday 08:00 to Tuesday 08:00 (Vietnam)
    const created = new Date('2025-06-02T01:00:00Z');
    const due = new Date('2025-06-03T01:00:00Z');
    // then the warning is two working hours before: Monday 16:00
    expect(planWarning(created, due, 'U', policy, calendars)).toEqual(new Date('2025-06-02T09:00:00Z'));
  });

  it('warns at least one working hour before', () => {
    // given a two-hour step (a quarter would be 30 minutes), Monday 08:00–10:00
    const warnAt = planWarning(
      new Date('2025-06-02T01:00:00Z'),
      new Date('2025-06-02T03:00:00Z'),
      'U',
      policy,
      calendars,
    );
    // then
    expect(warnAt).toEqual(new Date('2025-06-02T02:00:00Z'));
  });

  it('gives no warning when the step is no longer than the lead', () => {
    expect(
      planWarning(new Date('2025-06-02T01:00:00Z'), new Date('2025-06-02T02:00:00Z'), 'U', policy, calendars),
    ).toBeNull();
  });

  it('counts wall time without a calendar', () => {
    expect(planWarning(new Date(0), new Date(8 * HOUR), 'U', policy)).toEqual(new Date(6 * HOUR));
  });
});
