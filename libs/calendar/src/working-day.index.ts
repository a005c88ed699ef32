import { CalendarError } from './calendar.error';
import { defaultHolidays } from './default-holidays.factory';
import type { HolidayTable } from './holiday-table.types';
import { holidayTableProblems, MAX_YEAR, MIN_YEAR } from './holiday-table.validator';
import { parseIsoDate, yearOfDay } from './iso-date.parser';
import { isWeekend } from './local-day.util';

/** Where a calendar finds a year's table: a list (years not listed get the defaults) or a function. */
export type HolidaySource = readonly HolidayTable[] | ((year: number) => HolidayTable);

interface YearFlags {
  readonly firstDay: number;
  /** 1 = working day, indexed by day of the year. */
  readonly flags: Uint8Array;
}

/**
 * Answers "is this local day a working day?" with one array read. Each year is validated and
 * flattened once, on first use, so deadline arithmetic never re-reads a holiday list.
 */
export class WorkingDayIndex {
  private readonly years = new Map<number, YearFlags>();
  private last: YearFlags | undefined;
  private readonly tableFor: (year: number) => HolidayTable;

  constructor(source: HolidaySource) {
    if (typeof source === 'function') {
      this.tableFor = source;
    } else {
      const byYear = new Map(source.map((table) => [table.year, table]));
      // A year nobody edited still gets sensible defaults rather than weekends only.
      this.tableFor = (year) => byYear.get(year) ?? defaultHolidays(year);
    }
  }

  isWorkingDay(day: number): boolean {
    let year = this.last;
    if (year === undefined || day < year.firstDay || day >= year.firstDay + year.flags.length) {
      year = this.yearFlags(yearOfDay(day));
      this.last = year;
    }
    return year.flags[day - year.firstDay] === 1;
  }

  private yearFlags(year: number): YearFlags {
    const cached = this.years.get(year);
    if (cached) return cached;
    // Also the guard that ends any walk over a calendar that never opens again.
    if (year < MIN_YEAR || year > MAX_YEAR) {
      throw new CalendarError(
        'CALENDAR_OUT_OF_RANGE',
        `The calendar covers ${MIN_YEAR}–${MAX_YEAR}; ${year} is outside it`,
      );
    }
    const table = this.tableFor(year);
    const problems = holidayTableProblems(table, year);
    if (problems.length > 0) {
      throw new CalendarError(
        'CALENDAR_INVALID_HOLIDAYS',
        `Holiday table for ${year} is invalid: ${problems.join('; ')}`,
        problems,
      );
    }
    const firstDay = parseIsoDate(`${year}-01-01`) as number;
    const flags = new Uint8Array((parseIsoDate(`${year + 1}-01-01`) as number) - firstDay);
    for (let i = 0; i < flags.length; i++) flags[i] = isWeekend(firstDay + i) ? 0 : 1;
    for (const holiday of table.holidays) flags[(parseIsoDate(holiday.date) as number) - firstDay] = 0;
    for (const swapped of table.workingDays) flags[(parseIsoDate(swapped.date) as number) - firstDay] = 1;
    const built = { firstDay, flags };
    this.years.set(year, built);
    return built;
  }
}
