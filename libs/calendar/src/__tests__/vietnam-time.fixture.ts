import type { HolidayTable } from '../holiday-table.types';

/** An instant written as Vietnamese wall-clock time: vn('2026-03-02T09:00'). */
export function vn(localDateTime: string): Date {
  return new Date(`${localDateTime}${localDateTime.length === 16 ? ':00' : ''}+07:00`);
}

/** The Vietnamese wall-clock time of an instant, 'YYYY-MM-DDTHH:mm' (':ss' when not whole minutes). */
export function wallClock(instant: Date): string {
  const text = new Date(instant.getTime() + 7 * 3_600_000).toISOString();
  return text.endsWith(':00.000Z') ? text.slice(0, 16) : text.slice(0, 19);
}

/** A year with no holidays: only weekends are off. */
export function weekendsOnly(year: number): HolidayTable {
  return { year, holidays: [], workingDays: [] };
}

export const HOUR_MS = 3_600_000;
