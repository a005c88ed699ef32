import type { DurationParts } from '../../../calendar/src/step-duration.grammar';

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;
const MS_PER_HOUR = 3_600_000;

/**
 * Adds a wall-clock duration. Years and months are calendar steps; days are 24 h, which equals
 * a calendar day in Vietnam (UTC+7, no daylight saving), so UTC arithmetic is exact here.
 */
export function addIsoDuration(from: Date, duration: DurationParts): Date {
  const shifted = new Date(from.getTime());
  if (duration.years || duration.months) {
    shifted.setUTCMonth(shifted.getUTCMonth() + duration.years * 12 + duration.months);
  }
  const hours = (duration.weeks * 7 + duration.days) * 24 + duration.hours;
  const ms = hours * MS_PER_HOUR + duration.minutes * 60_000 + duration.seconds * 1000;
  return new Date(shifted.getTime() + Math.round(ms));
}

/** Parses an ISO 8601 date-time that carries its offset (`Z` or `+07:00`); null otherwise. */
export function parseIsoDateTime(text: string): Date | null {
  const trimmed = text.trim();
  if (!DATE_TIME.test(trimmed)) return null;
  const at = new Date(trimmed);
  return Number.isNaN(at.getTime()) ? null : at;
}
