import { MS_PER_DAY } from './local-day.util';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses a civil date 'YYYY-MM-DD' into a local day number, or returns undefined when the
 * text is not such a date (wrong shape, or a day that does not exist such as 2026-02-30).
 */
export function parseIsoDate(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, dayOfMonth] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const epochMs = Date.UTC(year, month - 1, dayOfMonth);
  const roundTrip = new Date(epochMs);
  // Date.UTC rolls 2026-02-30 over to March and maps years 0-99 to 19xx; the round trip catches both.
  if (roundTrip.getUTCFullYear() !== year || roundTrip.getUTCMonth() !== month - 1) return undefined;
  if (roundTrip.getUTCDate() !== dayOfMonth) return undefined;
  return epochMs / MS_PER_DAY;
}

/** Formats a local day number as 'YYYY-MM-DD'. */
export function formatIsoDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The civil year of a local day number. */
export function yearOfDay(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}
