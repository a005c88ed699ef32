import { CalendarError } from './calendar.error';
import { defaultHolidays } from './default-holidays.factory';
import { applyOverrides } from './holiday-table.overrides';

describe('applyOverrides', () => {
  it('applies a government schedule that differs from the defaults', () => {
    // given the 2026 defaults take Thursday 3/9 next to Quốc khánh
    const defaults = defaultHolidays(2026);
    // when the published schedule takes Tuesday 1/9 instead and swaps Saturday 22/8 into a working day
    const table = applyOverrides(defaults, {
      remove: ['2026-09-03'],
      add: [{ date: '2026-09-01', name: 'Quốc khánh (ngày liền kề)' }],
      workingDays: [{ date: '2026-08-22', name: 'Làm bù cho ngày 31/8' }],
    });
    // then
    const september = table.holidays.filter((h) => h.date.startsWith('2026-09')).map((h) => h.date);
    expect(september).toEqual(['2026-09-01', '2026-09-02']);
    expect(table.workingDays).toEqual([{ date: '2026-08-22', name: 'Làm bù cho ngày 31/8' }]);
    expect(defaults.holidays.some((h) => h.date === '2026-09-03')).toBe(true); // defaults untouched
  });

  it('renames a default holiday when the same date is added', () => {
    // given / when
    const table = applyOverrides(defaultHolidays(2026), { add: [{ date: '2026-01-01', name: 'Tết Dương lịch 2026' }] });
    // then
    expect(table.holidays.filter((h) => h.date === '2026-01-01')).toEqual([
      { date: '2026-01-01', name: 'Tết Dương lịch 2026' },
    ]);
  });

  it('refuses to remove a date that is not in the table, so a typo does not pass silently', () => {
    // when
    const apply = () => applyOverrides(defaultHolidays(2026), { remove: ['2026-09-04'] });
    // then
    expect(apply).toThrow(CalendarError);
    expect(apply).toThrow(
      expect.objectContaining({
        code: 'CALENDAR_INVALID_HOLIDAYS',
        details: ['remove: 2026-09-04 is neither a holiday nor a working day of 2026'],
      }),
    );
  });

  it('refuses a date that is both added as a holiday and as a working day', () => {
    // when
    const apply = () =>
      applyOverrides(defaultHolidays(2026), {
        add: [{ date: '2026-08-22', name: 'x' }],
        workingDays: [{ date: '2026-08-22', name: 'y' }],
      });
    // then
    expect(apply).toThrow(expect.objectContaining({ code: 'CALENDAR_INVALID_HOLIDAYS' }));
  });

  it('refuses an added date from another year', () => {
    // when / then
    expect(() =>
      applyOverrides(defaultHolidays(2026), { add: [{ date: '2027-01-01', name: 'Tết Dương lịch' }] }),
    ).toThrow(expect.objectContaining({ code: 'CALENDAR_INVALID_HOLIDAYS' }));
  });
});
