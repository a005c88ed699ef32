import {
  formatVietnamDate,
  formatVietnamDateTime,
  fromVietnamWallClock,
  startOfVietnamDay,
  vietnamDateSql,
  vietnamDateString,
  vietnamDayNumber,
  vietnamMidnight,
  vietnamWallClock,
  vietnamYear,
} from './vietnam-time';

describe('Vietnam time (UTC+7 all year)', () => {
  it('reads the wall clock in Vietnam whatever the machine zone', () => {
    // given 17:30 UTC on New Year's Eve
    const at = new Date('2026-12-31T17:30:00Z');
    // when
    const clock = vietnamWallClock(at);
    // then it is already 00:30 on 1 January 2027 in Vietnam, a Friday
    expect(clock).toMatchObject({
      year: 2027,
      month: 1,
      day: 1,
      hour: 0,
      minute: 30,
      weekday: 5,
      date: '2027-01-01',
      time: '00:30',
    });
    expect(vietnamDateString('2026-12-31T16:59:59Z')).toBe('2026-12-31');
    expect(vietnamYear(at)).toBe(2027);
    expect(formatVietnamDate(at)).toBe('01/01/2027');
    expect(formatVietnamDateTime('2026-12-03T02:05:00Z')).toBe('03/12/2026 09:05');
  });

  it('finds the start of the Vietnam day and local midnight of a civil date', () => {
    expect(startOfVietnamDay(new Date('2027-01-01T10:00:00Z')).toISOString()).toBe('2026-12-31T17:00:00.000Z');
    expect(vietnamMidnight('2027-01-01').toISOString()).toBe('2026-12-31T17:00:00.000Z');
    expect(Number.isNaN(vietnamMidnight('not a date').getTime())).toBe(true);
    expect(fromVietnamWallClock(2027, 1, 4, 9).toISOString()).toBe('2027-01-04T02:00:00.000Z');
  });

  it('numbers Vietnam days so that two instants of the same day share a number', () => {
    expect(vietnamDayNumber(new Date('2026-12-31T17:00:00Z'))).toBe(vietnamDayNumber(new Date('2027-01-01T16:59:59Z')));
    expect(vietnamDayNumber(new Date('2026-12-31T16:59:59Z'))).toBe(
      vietnamDayNumber(new Date('2027-01-01T00:00:00Z')) - 1,
    );
  });

  it('spells the Vietnam day of a column in SQL one way', () => {
    expect(vietnamDateSql('d.resolved_at')).toBe("(d.resolved_at AT TIME ZONE INTERVAL '+07:00')::date");
  });
});
