import { CalendarSnapshot } from './calendar.snapshot';

const monday0700 = new Date('2027-03-01T07:00:00+07:00');

describe('CalendarSnapshot', () => {
  const lateOffice = [
    { start: '08:00', end: '12:00' },
    { start: '13:00', end: '17:00' },
  ];
  const snapshot = new CalendarSnapshot({
    holidayTables: [{ year: 2027, holidays: [{ date: '2027-03-02', name: 'Nghỉ thử' }], workingDays: [] }],
    unitHours: new Map([['000.02.20.H15', lateOffice]]),
  });

  it("gives a unit its own hours and everyone else the province's", () => {
    expect(snapshot.officeHoursOf('000.02.20.H15')).toEqual({ sessions: lateOffice, source: 'unit' });
    expect(snapshot.officeHoursOf('000.00.20.H15').source).toBe('default');
    expect(snapshot.officeHoursOf(undefined).sessions).toEqual([
      { start: '07:00', end: '11:30' },
      { start: '13:30', end: '17:00' },
    ]);
  });

  it('builds calendars from the stored tables and the hours that apply', () => {
    // Monday 07:00 + 2 days: all of Monday, then the stored table's Tuesday holiday is skipped, so Wednesday's close.
    expect(snapshot.calendarFor('000.00.20.H15').addWorkingTime(monday0700, 'P2D').toISOString()).toBe(
      '2027-03-03T10:00:00.000Z',
    );
    // The late office opens at 08:00: 4 h from Monday 07:00 is noon.
    expect(snapshot.calendarFor('000.02.20.H15').addWorkingTime(monday0700, 'PT4H').toISOString()).toBe(
      '2027-03-01T05:00:00.000Z',
    );
  });

  it('shares one calendar between units with the same hours', () => {
    expect(snapshot.calendarFor('000.00.20.H15')).toBe(snapshot.calendarFor('000.01.20.H15'));
    expect(snapshot.calendarFor('000.00.20.H15')).not.toBe(snapshot.calendarFor('000.02.20.H15'));
  });

  it('uses the province default given in the tables', () => {
    const province = new CalendarSnapshot({
      holidayTables: [],
      defaultHours: [{ start: '09:00', end: '17:00' }],
      unitHours: new Map(),
    });
    expect(province.calendarFor().addWorkingTime(monday0700, 'PT1H').toISOString()).toBe('2027-03-01T03:00:00.000Z');
  });

  it('falls back to defaultHolidays for years not stored', () => {
    expect(CalendarSnapshot.defaults().calendarFor().isWorkingDay('2027-02-08')).toBe(false);
  });
});
