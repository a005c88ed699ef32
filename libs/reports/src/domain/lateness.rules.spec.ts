import { WorkingCalendar } from '../../../calendar/src';
import { lateness } from './lateness.rules';

const vn = (local: string) => new Date(`${local}:00+07:00`);
// Office hours 07:00–11:30 and 13:30–17:00 (8 h a day), weekends only off in this spec.
const calendar = new WorkingCalendar({ holidays: (year) => ({ year, holidays: [], workingDays: [] }) });

describe('lateness', () => {
  it('counts working time after the due time, in days of 8 h and hours', () => {
    // given a step due on Friday 6 March 2026 at 17:00, seen on Tuesday 10 March at 09:00
    const late = lateness(calendar, vn('2026-03-06T17:00'), vn('2026-03-10T09:00'));
    // then Monday (8 h) and Tuesday 07:00–09:00 (2 h) are late
    expect(late).toEqual({ lateWorkingMs: 10 * 3_600_000, lateDays: 1, lateHours: 2 });
  });

  it('is zero, never negative, for a step flagged overdue before its due time', () => {
    // given a step due on Thursday 12 March 2026 at 17:00 whose overdue flag is already set on Tuesday
    const late = lateness(calendar, vn('2026-03-12T17:00'), vn('2026-03-10T09:00'));
    // then it is not late yet
    expect(late).toEqual({ lateWorkingMs: 0, lateDays: 0, lateHours: 0 });
  });

  it('is zero when the time past due is outside office hours', () => {
    // given a step due on Friday 17:00 seen on Sunday
    expect(lateness(calendar, vn('2026-03-06T17:00'), vn('2026-03-08T10:00')).lateWorkingMs).toBe(0);
  });
});
