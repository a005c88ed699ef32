import { isWeekend, localDayOf, localDayStart, weekdayOf } from './local-day.util';
import { parseIsoDate } from './iso-date.parser';

describe('local days in Asia/Ho_Chi_Minh (fixed +07:00)', () => {
  it('puts 00:30 in Vietnam on the Vietnamese date, although UTC is still on the day before', () => {
    // given 2026-03-02T00:30+07:00 = 2026-03-01T17:30Z
    const instant = Date.parse('2026-03-01T17:30:00Z');
    // when
    const day = localDayOf(instant);
    // then
    expect(day).toBe(parseIsoDate('2026-03-02'));
    expect(localDayStart(day)).toBe(Date.parse('2026-03-01T17:00:00Z'));
  });

  it('knows weekdays and weekends', () => {
    // given Monday 2 March 2026, Saturday 7 and Sunday 8 March
    const monday = parseIsoDate('2026-03-02') as number;
    // then
    expect(weekdayOf(monday)).toBe(1);
    expect(isWeekend(monday)).toBe(false);
    expect(isWeekend(monday + 5)).toBe(true);
    expect(isWeekend(monday + 6)).toBe(true);
    expect(isWeekend(monday + 7)).toBe(false);
  });
});
