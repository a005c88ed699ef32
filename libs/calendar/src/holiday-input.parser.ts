import { CalendarError } from './calendar.error';
import { holidayTableProblems } from './holiday-table.validator';
import type { HolidayTable, NamedDay } from './holiday-table.types';

/**
 * Turns an admin's JSON (`PUT /api/calendar/holidays?year=`) into a HolidayTable, or throws
 * CALENDAR_INVALID_HOLIDAYS whose `details` list every problem as what to fix.
 * Dates come back sorted and names trimmed; unknown fields are dropped.
 */
export function parseHolidayInput(body: unknown, expectedYear?: number): HolidayTable {
  const problems = holidayTableProblems(body, expectedYear);
  if (problems.length > 0) {
    throw new CalendarError('CALENDAR_INVALID_HOLIDAYS', `Invalid holiday table: ${problems.join('; ')}`, problems);
  }
  const input = body as { year: number; holidays: NamedDay[]; workingDays?: NamedDay[] };
  return {
    year: input.year,
    holidays: clean(input.holidays),
    workingDays: clean(input.workingDays ?? []),
  };
}

function clean(days: readonly NamedDay[]): NamedDay[] {
  return days.map(({ date, name }) => ({ date, name: name.trim() })).sort((a, b) => a.date.localeCompare(b.date));
}
