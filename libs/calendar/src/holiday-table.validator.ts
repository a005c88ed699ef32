import { parseIsoDate, yearOfDay } from './iso-date.parser';
import { isWeekend } from './local-day.util';
import { quoted } from './quoted-input';

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;
const MAX_NAME_LENGTH = 200;
/** A year has at most 366 days, so a longer list can only be a mistake (or a flood of problems to report). */
const MAX_DAYS = 366;

/**
 * Every problem of a holiday table, each phrased as what to fix; empty when it is valid.
 * Used on an admin's input and on any table a calendar is built from.
 */
export function holidayTableProblems(table: unknown, expectedYear?: number): string[] {
  if (typeof table !== 'object' || table === null || Array.isArray(table)) {
    return ['the body must be an object {year, holidays: [{date, name}], workingDays: [{date, name}]}'];
  }
  const { year, holidays, workingDays } = table as Record<string, unknown>;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    return [`year must be a whole number between ${MIN_YEAR} and ${MAX_YEAR}; got ${quoted(year)}`];
  }
  const problems: string[] = [];
  if (expectedYear !== undefined && year !== expectedYear) {
    problems.push(`year ${year} in the body does not match the requested year ${expectedYear}`);
  }
  const holidayDays = dayListProblems('holidays', holidays, year, problems);
  const workingDayDays = dayListProblems('workingDays', workingDays ?? [], year, problems);
  for (const [date, day] of workingDayDays) {
    if (holidayDays.has(date)) problems.push(`${date} is listed both as a holiday and as a working day: keep one`);
    else if (!isWeekend(day))
      problems.push(
        `workingDays: ${date} is a weekday: list only swapped Saturdays or Sundays here, and leave a worked weekday out of holidays`,
      );
  }
  return problems;
}

/** Checks one list of {date, name}; returns its valid dates (text → local day). */
function dayListProblems(field: string, list: unknown, year: number, problems: string[]): Map<string, number> {
  const seen = new Map<string, number>();
  if (!Array.isArray(list)) {
    problems.push(`${field} must be an array of {date: 'YYYY-MM-DD', name}`);
    return seen;
  }
  if (list.length > MAX_DAYS) {
    problems.push(`${field} must list at most ${MAX_DAYS} days; got ${list.length}`);
    return seen;
  }
  list.forEach((entry: unknown, i) => {
    const where = `${field}[${i}]`;
    const { date, name } = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const day = parseIsoDate(date);
    if (day === undefined) {
      problems.push(`${where}.date must be an existing date written 'YYYY-MM-DD'; got ${quoted(date)}`);
    } else if (yearOfDay(day) !== year) {
      problems.push(`${where}.date ${String(date)} is not in ${year}`);
    } else if (seen.has(date as string)) {
      problems.push(`${where}.date ${String(date)} appears twice in ${field}`);
    } else {
      seen.set(date as string, day);
    }
    if (typeof name !== 'string' || name.trim() === '' || name.length > MAX_NAME_LENGTH) {
      problems.push(`${where}.name must be a non-empty text of at most ${MAX_NAME_LENGTH} characters`);
    }
  });
  return seen;
}
