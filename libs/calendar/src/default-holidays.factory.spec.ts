import { defaultHolidays } from './default-holidays.factory';

const datesOf = (year: number) => defaultHolidays(year).holidays.map((h) => h.date);
const named = (year: number, date: string) => defaultHolidays(year).holidays.find((h) => h.date === date)?.name;

describe('defaultHolidays (Labour Code 2019 Art. 112, Art. 111)', () => {
  it('gives 2026 the published schedule: Tết Monday 16 to Friday 20 February', () => {
    // when
    const dates = datesOf(2026);
    // then Tết: 15/2 is a Sunday (28 Chạp), substituted by Friday 20/2
    expect(dates.filter((d) => d.startsWith('2026-02'))).toEqual([
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
    ]);
    expect(named(2026, '2026-02-17')).toBe('Tết Nguyên Đán (mùng 1)');
    expect(named(2026, '2026-02-20')).toBe('Nghỉ bù Tết Nguyên Đán (trước Tết)');
  });

  it('gives 2025 the published schedule: Tết Monday 27 to Friday 31 January', () => {
    // when / then
    expect(datesOf(2025).filter((d) => d >= '2025-01-20' && d <= '2025-02-10')).toEqual([
      '2025-01-27',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
    ]);
  });

  it('builds Tết 2027 around the lunar new year of Saturday 6 February', () => {
    // when
    const tet = datesOf(2027).filter((d) => d.startsWith('2027-02'));
    // then the 5 days 4–8/2 plus substitutes for Saturday 6 and Sunday 7
    expect(tet).toEqual([
      '2027-02-04',
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
    ]);
    expect(named(2027, '2027-02-06')).toBe('Tết Nguyên Đán (mùng 1)');
  });

  it('takes 2/9 with its adjacent day, and substitutes it when it falls on a weekend', () => {
    // when / then 2025: Monday 1/9 + Tuesday 2/9
    expect(datesOf(2025).filter((d) => d.startsWith('2025-09'))).toEqual(['2025-09-01', '2025-09-02']);
    // 2023: Friday 1/9, Saturday 2/9 moved to Monday 4/9
    expect(datesOf(2023).filter((d) => d.startsWith('2023-09'))).toEqual(['2023-09-01', '2023-09-02', '2023-09-04']);
  });

  it('moves Giỗ Tổ Hùng Vương (10/3 lunar) on Sunday 26 April 2026 to Monday 27', () => {
    // when / then
    expect(datesOf(2026).filter((d) => d.startsWith('2026-04'))).toEqual(['2026-04-26', '2026-04-27', '2026-04-30']);
    expect(named(2026, '2026-04-27')).toBe('Nghỉ bù Giỗ Tổ Hùng Vương');
  });

  it('moves 30/4 and 1/5 on a weekend to Monday and Tuesday (2022)', () => {
    // when / then
    expect(datesOf(2022).filter((d) => d >= '2022-04-30' && d <= '2022-05-31')).toEqual([
      '2022-04-30',
      '2022-05-01',
      '2022-05-02',
      '2022-05-03',
    ]);
  });

  it('has 1/1, no swapped working days, and eleven working days off in a year', () => {
    // when
    const table = defaultHolidays(2026);
    // then 1 + 5 + 1 + 1 + 1 + 2 = 11 weekdays off (Art. 112)
    expect(table.holidays[0]).toEqual({ date: '2026-01-01', name: 'Tết Dương lịch' });
    expect(table.workingDays).toEqual([]);
    const weekdaysOff = table.holidays.filter((h) => ![0, 6].includes(new Date(`${h.date}T00:00:00Z`).getUTCDay()));
    expect(weekdaysOff).toHaveLength(11);
  });

  it.each([1899, 2200, 2026.5])('rejects the year %p with CALENDAR_INVALID_DATE', (year) => {
    // when / then
    expect(() => defaultHolidays(year)).toThrow(expect.objectContaining({ code: 'CALENDAR_INVALID_DATE' }));
  });
});
