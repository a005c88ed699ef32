import type { HolidayTable } from '../holiday-table.types';
import { VIETNAM_OFFSET, VIETNAM_OFFSET_MS } from '../vietnam-time';

/** An instant written as Vietnamese wall-clock time: vn('2026-03-02T09:00'). */
export function vn(localDateTime: string): Date {
  return new Date(`${localDateTime}${localDateTime.length === 16 ? ':00' : ''}${VIETNAM_OFFSET}`);
}

/** The Vietnamese wall-clock time of an instant, 'YYYY-MM-DDTHH:mm' (':ss' when not whole minutes). */
export function wallClock(instant: Date): string {
  const text = new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString();
  return text.endsWith(':00.000Z') ? text.slice(0, 16) : text.slice(0, 19);
}

/** A year with no holidays: only weekends are off. */
export function weekendsOnly(year: number): HolidayTable {
  return { year, holidays: [], workingDays: [] };
}

export const HOUR_MS = 3_600_000;
