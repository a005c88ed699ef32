import { HOUR_MS, vn, wallClock, weekendsOnly } from './__tests__/vietnam-time.fixture';
import { CalendarError } from './calendar.error';
import { WorkingCalendar } from './working-calendar.facade';

// March 2026: Monday 2 … Friday 6, weekend 7–8, Monday 9; no holidays that month.
const plain = new WorkingCalendar({ holidays: weekendsOnly });
const vietnam = new WorkingCalendar({ holidays: [] }); // every year gets defaultHolidays

describe('WorkingCalendar', () => {
  describe('isWorkingDay', () => {
    it('knows weekends are not worked, by date text or by the Vietnamese day of an instant', () => {
      // given Saturday 7 March 2026, 00:30 in Vietnam = Friday 17:30 UTC
      const saturdayJustAfterMidnight = vn('2026-03-07T00:30');
      // then
      expect(plain.isWorkingDay('2026-03-06')).toBe(true);
      expect(plain.isWorkingDay('2026-03-07')).toBe(false);
      expect(plain.isWorkingDay('2026-03-08')).toBe(false);
      expect(plain.isWorkingDay(saturdayJustAfterMidnight)).toBe(false);
    });

    it('knows a holiday is not worked', () => {
      // then 30/4 (Thursday) and 1/5 (Friday) 2026
      expect(vietnam.isWorkingDay('2026-04-30')).toBe(false);
      expect(vietnam.isWorkingDay('2026-05-01')).toBe(false);
      expect(vietnam.isWorkingDay('2026-04-29')).toBe(true);
    });

    it('knows a swapped Saturday is worked', () => {
      // given Saturday 7 March 2026 is swapped into a working day
      const calendar = new WorkingCalendar({
        holidays: (year) => ({
          ...weekendsOnly(year),
          workingDays: year === 2026 ? [{ date: '2026-03-07', name: 'Làm bù' }] : [],
        }),
      });
      // then
      expect(calendar.isWorkingDay('2026-03-07')).toBe(true);
    });

    it.each([['2026-02-30'], [new Date('nope')], [42]])('rejects %p with CALENDAR_INVALID_DATE', (date) => {
      // when / then
      expect(() => plain.isWorkingDay(date as never)).toThrow(
        expect.objectContaining({ code: 'CALENDAR_INVALID_DATE' }),
      );
    });
  });

  describe('nextOpening', () => {
    it.each([
      ['during a session, counting starts at once', '2026-03-02T09:10', '2026-03-02T09:10'],
      ['before opening', '2026-03-02T06:00', '2026-03-02T07:00'],
      ['in the lunch break', '2026-03-02T12:00', '2026-03-02T13:30'],
      ['at 11:30 sharp (sessions are half-open)', '2026-03-02T11:30', '2026-03-02T13:30'],
      ['at closing time', '2026-03-02T17:00', '2026-03-03T07:00'],
      ['on Friday evening', '2026-03-06T18:00', '2026-03-09T07:00'],
      ['on a Sunday', '2026-03-08T10:00', '2026-03-09T07:00'],
    ])('received %s → %s', (_when, received, expected) => {
      // when / then
      expect(wallClock(plain.nextOpening(vn(received)))).toBe(expected);
    });

    it('skips a holiday: received Wednesday 29/4/2026 after hours → Monday 4/5 07:00', () => {
      // when / then
      expect(wallClock(vietnam.nextOpening(vn('2026-04-29T17:30')))).toBe('2026-05-04T07:00');
    });
  });

  describe('addWorkingTime', () => {
    it.each([
      ['Monday 09:00 + 1 day is Tuesday 09:00', '2026-03-02T09:00', 'P1D', '2026-03-03T09:00'],
      ['Monday 07:00 + 1 day is Monday closing (the earliest instant)', '2026-03-02T07:00', 'P1D', '2026-03-02T17:00'],
      ['Friday 09:00 + 1 day skips the weekend', '2026-03-06T09:00', 'P1D', '2026-03-09T09:00'],
      ['Monday 10:00 + 2 h skips the lunch break', '2026-03-02T10:00', 'PT2H', '2026-03-02T14:00'],
      ['Monday 09:00 + 2 h 30 min ends at 11:30, not 13:30', '2026-03-02T09:00', 'PT2H30M', '2026-03-02T11:30'],
      ['received Monday after hours + 1 day', '2026-03-02T18:00', 'P1D', '2026-03-03T17:00'],
      ['received Saturday + 4 h', '2026-03-07T10:00', 'PT4H', '2026-03-09T11:00'],
      ['received in the lunch break + 1 h', '2026-03-02T12:15', 'PT1H', '2026-03-02T14:30'],
      ['Monday 09:00 + 1 day 2 h', '2026-03-02T09:00', 'P1DT2H', '2026-03-03T11:00'],
      ['Monday 09:00 + half a day', '2026-03-02T09:00', 'P0.5D', '2026-03-02T15:00'],
      ['Monday 09:00 + 15 days', '2026-03-02T09:00', 'P15D', '2026-03-23T09:00'],
    ])('%s', (_rule, from, duration, expected) => {
      // when / then
      expect(wallClock(plain.addWorkingTime(vn(from), duration))).toBe(expected);
    });

    it('takes an object duration the same as its ISO text', () => {
      // when / then
      expect(plain.addWorkingTime(vn('2026-03-02T09:00'), { days: 1, hours: 2 })).toEqual(
        plain.addWorkingTime(vn('2026-03-02T09:00'), 'P1DT2H'),
      );
    });

    it('skips 30/4 and 1/5: Wednesday 29/4/2026 09:00 + 1 day is Monday 4/5 09:00', () => {
      // when / then
      expect(wallClock(vietnam.addWorkingTime(vn('2026-04-29T09:00'), 'P1D'))).toBe('2026-05-04T09:00');
    });

    it('skips the Monday substituted for a holiday on Sunday (Giỗ Tổ 26/4/2026)', () => {
      // given Friday 24 April 2026 09:00; Monday 27 is off for Sunday 26
      // when / then
      expect(wallClock(vietnam.addWorkingTime(vn('2026-04-24T09:00'), 'P1D'))).toBe('2026-04-28T09:00');
    });

    it('spans Tết 2027: Wednesday 3/2 09:00 + 3 days is Monday 15/2 09:00', () => {
      // given Tết Đinh Mùi on Saturday 6/2/2027: off 4–10/2
      // when / then
      expect(wallClock(vietnam.addWorkingTime(vn('2027-02-03T09:00'), 'P3D'))).toBe('2027-02-15T09:00');
      expect(vietnam.workingMillisBetween(vn('2027-02-03T09:00'), vn('2027-02-15T09:00'))).toBe(3 * 8 * HOUR_MS);
    });

    it('skips 2/9 and its adjacent day: Friday 29/8/2025 09:00 + 1 day is Wednesday 3/9 09:00', () => {
      // when / then
      expect(wallClock(vietnam.addWorkingTime(vn('2025-08-29T09:00'), 'P1D'))).toBe('2025-09-03T09:00');
    });

    it('counts a swapped working Saturday', () => {
      // given Saturday 7 March 2026 is worked
      const calendar = new WorkingCalendar({
        holidays: (year) => ({
          ...weekendsOnly(year),
          workingDays: year === 2026 ? [{ date: '2026-03-07', name: 'Làm bù' }] : [],
        }),
      });
      // when / then Friday 09:00 + 1 day lands on that Saturday
      expect(wallClock(calendar.addWorkingTime(vn('2026-03-06T09:00'), 'P1D'))).toBe('2026-03-07T09:00');
    });

    it('counts a working day as the sum of the sessions when hours differ', () => {
      // given 07:30–11:30 + 13:00–16:30 = 7.5 h
      const calendar = new WorkingCalendar({
        holidays: weekendsOnly,
        officeHours: [
          { start: '07:30', end: '11:30' },
          { start: '13:00', end: '16:30' },
        ],
      });
      // when / then one day still lands on the same time the next day
      expect(calendar.workingDayMs).toBe(7.5 * HOUR_MS);
      expect(wallClock(calendar.addWorkingTime(vn('2026-03-02T14:00'), 'P1D'))).toBe('2026-03-03T14:00');
    });

    it('skips a pause: the clock stands still while the citizen completes the dossier', () => {
      // given Monday 09:00 + 1 day, paused Monday 10:00 → Wednesday 10:00
      const pauses = [{ from: vn('2026-03-02T10:00'), to: vn('2026-03-04T10:00') }];
      // when / then 1 h before the pause, 7 h after it
      expect(wallClock(plain.addWorkingTime(vn('2026-03-02T09:00'), 'P1D', pauses))).toBe('2026-03-05T09:00');
    });

    it.each([['P1Y'], ['-PT1H'], [{ days: -1 }]])(
      'rejects the duration %p with CALENDAR_INVALID_DURATION',
      (duration) => {
        // when / then
        expect(() => plain.addWorkingTime(vn('2026-03-02T09:00'), duration as never)).toThrow(
          expect.objectContaining({ code: 'CALENDAR_INVALID_DURATION' }),
        );
      },
    );

    it('rejects an invalid start with CALENDAR_INVALID_DATE', () => {
      // when / then
      expect(() => plain.addWorkingTime(new Date(Number.NaN), 'P1D')).toThrow(CalendarError);
      expect(() => plain.addWorkingTime(new Date(Number.NaN), 'P1D')).toThrow(
        expect.objectContaining({ code: 'CALENDAR_INVALID_DATE' }),
      );
    });
  });

  describe('subtractWorkingTime', () => {
    it.each([
      ['Tuesday 09:00 − 1 day is Monday 09:00', '2026-03-03T09:00', 'P1D', '2026-03-02T09:00'],
      ['Tuesday 17:00 − 1 day is Tuesday opening (the latest instant)', '2026-03-03T17:00', 'P1D', '2026-03-03T07:00'],
      ['Tuesday 09:00 − 4 h crosses the night', '2026-03-03T09:00', 'PT4H', '2026-03-02T15:00'],
      ['Monday 14:00 − 1 h crosses the lunch break', '2026-03-09T14:00', 'PT1H', '2026-03-09T11:00'],
      ['Monday 08:00 − 2 h crosses the weekend', '2026-03-09T08:00', 'PT2H', '2026-03-06T16:00'],
    ])('%s', (_rule, to, duration, expected) => {
      // when / then
      expect(wallClock(plain.subtractWorkingTime(vn(to), duration))).toBe(expected);
    });
  });

  describe('workingMillisBetween / workingMinutesBetween', () => {
    it.each([
      ['Monday 09:00 → Tuesday 09:00 is one working day', '2026-03-02T09:00', '2026-03-03T09:00', 8 * 60],
      ['Friday 16:00 → Monday 08:00 is 2 h', '2026-03-06T16:00', '2026-03-09T08:00', 120],
      ['the lunch break does not count', '2026-03-02T11:00', '2026-03-02T14:00', 60],
      ['from after hours, counting starts at the next opening', '2026-03-02T18:00', '2026-03-03T08:00', 60],
      ['a weekend counts nothing', '2026-03-07T08:00', '2026-03-08T16:00', 0],
      ['time overdue is negative', '2026-03-03T09:00', '2026-03-02T09:00', -8 * 60],
    ])('%s', (_rule, from, to, minutes) => {
      // when / then
      expect(plain.workingMinutesBetween(vn(from), vn(to))).toBe(minutes);
      expect(plain.workingMillisBetween(vn(from), vn(to))).toBe(minutes * 60_000);
    });

    it('excludes the time a dossier waited for the citizen, counting overlapping pauses once', () => {
      // given Monday 09:00 → Thursday 09:00 (3 days), waiting Monday 10:00 → Wednesday 10:00 (2 days),
      // recorded twice with overlap
      const pauses = [
        { from: vn('2026-03-02T10:00'), to: vn('2026-03-03T10:00') },
        { from: vn('2026-03-02T10:00'), to: vn('2026-03-04T10:00') },
      ];
      // when
      const minutes = plain.workingMinutesBetween(vn('2026-03-02T09:00'), vn('2026-03-05T09:00'), pauses);
      // then
      expect(minutes).toBe(8 * 60);
    });

    it('ignores the part of a pause outside the measured span', () => {
      // given a pause from Sunday to Monday 10:00, measuring Monday 09:00 → 12:00
      const pauses = [{ from: vn('2026-03-08T10:00'), to: vn('2026-03-09T10:00') }];
      // when / then only 10:00–11:30 counts
      expect(plain.workingMinutesBetween(vn('2026-03-09T09:00'), vn('2026-03-09T12:00'), pauses)).toBe(90);
    });

    it('rejects a pause that ends before it starts with CALENDAR_INVALID_PAUSE', () => {
      // given
      const pauses = [{ from: vn('2026-03-03T10:00'), to: vn('2026-03-02T10:00') }];
      // when / then
      expect(() => plain.workingMillisBetween(vn('2026-03-02T09:00'), vn('2026-03-05T09:00'), pauses)).toThrow(
        expect.objectContaining({ code: 'CALENDAR_INVALID_PAUSE' }),
      );
    });
  });

  describe('construction', () => {
    it.each([
      [
        'overlapping sessions',
        {
          officeHours: [
            { start: '07:00', end: '12:00' },
            { start: '11:00', end: '17:00' },
          ],
        },
      ],
      ['a malformed cut-off', { sameDayCutoff: '3pm' }],
    ])('rejects %s with CALENDAR_INVALID_HOURS', (_label, options) => {
      // when / then
      expect(() => new WorkingCalendar({ holidays: weekendsOnly, ...options })).toThrow(
        expect.objectContaining({ code: 'CALENDAR_INVALID_HOURS' }),
      );
    });

    it('rejects, on first use, a holiday function that returns a table for the wrong year', () => {
      // given
      const calendar = new WorkingCalendar({ holidays: () => weekendsOnly(2020) });
      // when / then
      expect(() => calendar.isWorkingDay('2026-03-02')).toThrow(
        expect.objectContaining({ code: 'CALENDAR_INVALID_HOLIDAYS' }),
      );
    });

    it('uses a listed year as given and computes the defaults for other years', () => {
      // given 2026 listed without holidays
      const calendar = new WorkingCalendar({ holidays: [weekendsOnly(2026)] });
      // then 30/4/2026 is worked, 30/4/2027 is not
      expect(calendar.isWorkingDay('2026-04-30')).toBe(true);
      expect(calendar.isWorkingDay('2027-04-30')).toBe(false);
    });

    it('refuses instants beyond the years it covers with CALENDAR_OUT_OF_RANGE', () => {
      // when / then
      expect(() => plain.nextOpening(new Date('2300-01-01T00:00:00Z'))).toThrow(
        expect.objectContaining({ code: 'CALENDAR_OUT_OF_RANGE' }),
      );
    });
  });
});
