import { CalendarError } from './calendar.error';
import { holidayTableProblems } from './holiday-table.validator';
import type { HolidayOverrides, HolidayTable, NamedDay } from './holiday-table.types';

/**
 * Applies an admin's edits to a year's defaults (typically `defaultHolidays(year)`): the
 * government's yearly schedule decides which Tết days and which side of 2/9 are off, and
 * may swap a Saturday into a working day. Explicit edits win over the defaults; no Art. 111
 * substitution is re-run, because the admin enters the published days as they are.
 * Throws CALENDAR_INVALID_HOLIDAYS when the edits contradict each other or the year.
 */
export function applyOverrides(defaults: HolidayTable, overrides: HolidayOverrides): HolidayTable {
  const removed = new Set(overrides.remove ?? []);
  const known = new Set([...defaults.holidays, ...defaults.workingDays].map((d) => d.date));
  const unknownRemovals = [...removed].filter((date) => !known.has(date));
  if (unknownRemovals.length > 0) {
    const problems = unknownRemovals.map(
      (date) => `remove: ${date} is neither a holiday nor a working day of ${defaults.year}`,
    );
    throw new CalendarError('CALENDAR_INVALID_HOLIDAYS', `Invalid overrides: ${problems.join('; ')}`, problems);
  }
  const added = overrides.add ?? [];
  const swapped = overrides.workingDays ?? [];
  const swappedDates = new Set(swapped.map((d) => d.date));
  const addedDates = new Set(added.map((d) => d.date));

  const holidays = merge(
    defaults.holidays.filter((d) => !removed.has(d.date) && !swappedDates.has(d.date)),
    added,
  );
  const workingDays = merge(
    defaults.workingDays.filter((d) => !removed.has(d.date) && !addedDates.has(d.date)),
    swapped,
  );
  const result: HolidayTable = { year: defaults.year, holidays, workingDays };
  const problems = holidayTableProblems(result);
  if (problems.length > 0) {
    throw new CalendarError('CALENDAR_INVALID_HOLIDAYS', `Invalid overrides: ${problems.join('; ')}`, problems);
  }
  return result;
}

/** Union by date, the later list's name winning, sorted by date. */
function merge(base: readonly NamedDay[], extra: readonly NamedDay[]): NamedDay[] {
  const byDate = new Map<string, NamedDay>();
  for (const day of [...base, ...extra]) byDate.set(day.date, { date: day.date, name: day.name });
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}
