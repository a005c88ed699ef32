import Holidays from 'date-holidays';
import { CalendarError } from './calendar.error';
import type { HolidayTable } from './holiday-table.types';
import { formatIsoDate, parseIsoDate } from './iso-date.parser';
import { MAX_YEAR, MIN_YEAR } from './holiday-table.validator';
import { nationalDayBridge } from './national-day-bridge.rule';
import { tetDays } from './tet-days.rule';
import { type DayOff, withWeekendSubstitutes } from './weekend-substitution.rule';

// date-holidays rule keys for the two lunar holidays (stable across its locales, unlike names).
const LUNAR_NEW_YEAR_RULE = 'vietnamese 1-0-1';
const HUNG_KINGS_RULE = 'vietnamese 3-0-10';

let lunar: Holidays | undefined;

/**
 * Only the two lunar rules, not date-holidays' whole 'VN' table: the table computes eight more
 * lunar observances, and a year's first read took 50–90 ms of the event loop (190 ms under jest)
 * against 7–13 ms for these two (issue 15, item 1). The dates are the same for 1900–2199.
 */
function lunarRules(): Holidays {
  if (!lunar) {
    lunar = new Holidays();
    lunar.setHoliday(LUNAR_NEW_YEAR_RULE, { name: 'Tết Nguyên đán', type: 'public' });
    lunar.setHoliday(HUNG_KINGS_RULE, { name: 'Giỗ Tổ Hùng Vương', type: 'public' });
  }
  return lunar;
}

/**
 * Vietnam's public holidays of a year as the Labour Code 2019 Art. 112 gives them, with
 * Art. 111 substitutes for those on a weekend. A starting point, not the truth: the Prime
 * Minister fixes the Tết days and the side of 2/9 each year (Art. 112(3)), and admins apply
 * that schedule with `applyOverrides`. `date-holidays` supplies the lunar dates.
 */
export function defaultHolidays(year: number): HolidayTable {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new CalendarError(
      'CALENDAR_INVALID_DATE',
      `Year must be a whole number between ${MIN_YEAR} and ${MAX_YEAR}; got ${year}`,
    );
  }
  const daysOff: DayOff[] = [
    { day: fixed(year, '01-01'), name: 'Tết Dương lịch' },
    ...tetDays(lunarDay(year, LUNAR_NEW_YEAR_RULE)),
    { day: lunarDay(year, HUNG_KINGS_RULE), name: 'Giỗ Tổ Hùng Vương' },
    { day: fixed(year, '04-30'), name: 'Ngày Chiến thắng (Giải phóng miền Nam, thống nhất đất nước)' },
    { day: fixed(year, '05-01'), name: 'Ngày Quốc tế Lao động' },
    { day: fixed(year, '09-02'), name: 'Quốc khánh' },
    { day: nationalDayBridge(year), name: 'Quốc khánh (ngày liền kề)' },
  ];
  const holidays = withWeekendSubstitutes(daysOff).map(({ day, name }) => ({ date: formatIsoDate(day), name }));
  return { year, holidays, workingDays: [] };
}

function fixed(year: number, monthDay: string): number {
  return parseIsoDate(`${year}-${monthDay}`) as number;
}

function lunarDay(year: number, rule: string): number {
  const holiday = lunarRules()
    .getHolidays(year)
    .find((h) => h.rule === rule);
  // date-holidays gives `date` as local civil time 'YYYY-MM-DD 00:00:00'.
  const day = holiday ? parseIsoDate(holiday.date.slice(0, 10)) : undefined;
  if (day === undefined) {
    throw new CalendarError(
      'CALENDAR_INVALID_HOLIDAYS',
      `date-holidays has no '${rule}' for ${year}: enter that year's holidays by hand`,
    );
  }
  return day;
}
