import { VIETNAM_OFFSET_MS } from './vietnam-time';

/**
 * Local-day arithmetic in Vietnam time (vietnam-time.ts has the offset).
 * A "local day" is an integer: days since 1970-01-01 in Vietnam.
 */
export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

/** The local day an instant falls on. */
export function localDayOf(epochMs: number): number {
  return Math.floor((epochMs + VIETNAM_OFFSET_MS) / MS_PER_DAY);
}

/** The instant of local midnight starting a local day. */
export function localDayStart(day: number): number {
  return day * MS_PER_DAY - VIETNAM_OFFSET_MS;
}

/** 0 = Sunday … 6 = Saturday; day 0 (1970-01-01) was a Thursday. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isWeekend(day: number): boolean {
  const weekday = weekdayOf(day);
  return weekday === 0 || weekday === 6;
}
