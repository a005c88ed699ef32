/** An ISO 8601 duration split into its designators (absent ones are 0). */
export interface IsoDuration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
const DURATION = new RegExp(
  `^P(?:${NUMBER}Y)?(?:${NUMBER}M)?(?:${NUMBER}W)?(?:${NUMBER}D)?(?:T(?:${NUMBER}H)?(?:${NUMBER}M)?(?:${NUMBER}S)?)?$`,
);
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;
const MS_PER_HOUR = 3_600_000;

/** Parses `P1Y2M3W4DT5H6M7.5S`-style text (case-insensitive, `,` or `.` decimals); null if invalid. */
export function parseIsoDuration(text: string): IsoDuration | null {
  const upper = text.trim().toUpperCase();
  const match = DURATION.exec(upper);
  if (!match || upper === 'P' || upper.endsWith('T')) return null;
  const [years, months, weeks, days, hours, minutes, seconds] = match
    .slice(1)
    .map((group) => (group === undefined ? 0 : Number(group.replace(',', '.'))));
  // Fractions of a month have no fixed length; refuse rather than guess.
  if (!Number.isInteger(years) || !Number.isInteger(months)) return null;
  return { years, months, weeks, days, hours, minutes, seconds };
}

/** True when the duration uses only days and time: the only units working time can count. */
export function isDayTimeDuration(duration: IsoDuration): boolean {
  return duration.years === 0 && duration.months === 0 && duration.weeks === 0;
}

/**
 * Adds a wall-clock duration. Years and months are calendar steps; days are 24 h, which equals
 * a calendar day in Vietnam (UTC+7, no daylight saving), so UTC arithmetic is exact here.
 */
export function addIsoDuration(from: Date, duration: IsoDuration): Date {
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
