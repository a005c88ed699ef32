/**
 * The one grammar of durations (issue 17). Two entry points share it:
 * - ISO 8601 durations `P1Y2M3W4DT5H6M7.5S` (timers; wall clock), read by `parseIsoDuration`;
 * - step durations (`mc:duration`, legal and preview durations) in working time: the modeler's
 *   short forms `2d`, `4h`, `30m`, `1d4h` and ISO days and time `P2D`, `PT4H`, `P1DT2H`.
 * Decimals take `.` or `,` ("0,5 ngày"). In working time a day is a working day (8 h by default).
 *
 * Weeks: ISO `PnW` is 7n calendar days of wall-clock time. Working time refuses weeks, years and
 * months (DESIGN §4 gives `mc:duration` as days or hours; the legal times of procedures are
 * written in working days): write `P5D` for a working week. See libs/calendar/README.md.
 */

/** An ISO 8601 duration split into its designators (absent ones are 0). */
export interface DurationParts {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
const ISO = new RegExp(
  `^P(?:${NUMBER}Y)?(?:${NUMBER}M)?(?:${NUMBER}W)?(?:${NUMBER}D)?(?:T(?:${NUMBER}H)?(?:${NUMBER}M)?(?:${NUMBER}S)?)?$`,
);
const SHORT = new RegExp(String.raw`^(?:${NUMBER}\s*d)?\s*(?:${NUMBER}\s*h)?\s*(?:${NUMBER}\s*m)?$`, 'i');
const MS_PER_HOUR = 3_600_000;
const MS_PER_CALENDAR_DAY = 24 * MS_PER_HOUR;

const amount = (group: string | undefined): number => (group === undefined ? 0 : Number(group.replace(',', '.')));
const text = (group: string | undefined): string | undefined => group?.replace(',', '.');

/** Parses `P1Y2M3W4DT5H6M7.5S`-style text (case-insensitive, `,` or `.` decimals); null if invalid. */
export function parseIsoDuration(input: string): DurationParts | null {
  const upper = input.trim().toUpperCase();
  const match = ISO.exec(upper);
  if (!match || upper === 'P' || upper.endsWith('T')) return null;
  const [years, months, weeks, days, hours, minutes, seconds] = match.slice(1).map(amount);
  // Fractions of a month have no fixed length; refuse rather than guess.
  if (!Number.isInteger(years) || !Number.isInteger(months)) return null;
  return { years, months, weeks, days, hours, minutes, seconds };
}

/** True when the duration uses only days and time: the only units working time counts. */
export function isDayTimeDuration(duration: DurationParts): boolean {
  return duration.years === 0 && duration.months === 0 && duration.weeks === 0;
}

/** An ISO 8601 duration written with days and time designators only (`P2D`, `PT4H`, `P1DT2H`); null otherwise. */
export function parseDayTimeDuration(input: string): DurationParts | null {
  const upper = input.trim().toUpperCase();
  const datePart = upper.split('T')[0];
  return /[YMW]/.test(datePart) ? null : parseIsoDuration(upper);
}

/**
 * A step duration in its canonical ISO form: `2d` → `P2D`, `4h` → `PT4H`, `1d4h` → `P1DT4H`,
 * `30m` → `PT30M`, `0,5d` → `P0.5D`, `pt4h` → `PT4H`. Null for anything else, including years,
 * months and weeks, which working time does not count.
 */
export function normalizeStepDuration(raw: string): string | null {
  const trimmed = raw.trim();
  if (trimmed === '') return null;
  const short = SHORT.exec(trimmed);
  if (short && (short[1] || short[2] || short[3])) {
    const [days, hours, minutes] = short.slice(1).map(text);
    const time = (hours ? `${hours}H` : '') + (minutes ? `${minutes}M` : '');
    return `P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
  }
  return parseDayTimeDuration(trimmed) ? trimmed.toUpperCase() : null;
}

/** True when `duration` is already what normalizeStepDuration produces (an upper-case ISO day/time duration). */
export function isStepDuration(duration: string): boolean {
  return parseDayTimeDuration(duration) !== null && duration === duration.trim().toUpperCase();
}

/** The parts of a step duration in any accepted form, or null when working time cannot count it. */
export function parseStepDuration(raw: string | null | undefined): DurationParts | null {
  const normalized = normalizeStepDuration(raw ?? '');
  return normalized === null ? null : parseIsoDuration(normalized);
}

/** Working hours of a step duration, a working day being `hoursPerDay`; null when unreadable. */
export function stepDurationHours(raw: string | null | undefined, hoursPerDay: number): number | null {
  const parts = parseStepDuration(raw);
  if (!parts) return null;
  return parts.days * hoursPerDay + parts.hours + parts.minutes / 60 + parts.seconds / 3600;
}

/** The number of days when a step duration is written in whole-day units only (`2d`, `P1.5D`); else null. */
export function stepDurationDays(raw: string | null | undefined): number | null {
  const normalized = normalizeStepDuration(raw ?? '');
  if (normalized === null || normalized.includes('T')) return null;
  return parseIsoDuration(normalized)!.days;
}

/** The short form the modeler writes: `2d`, `1.5d`, `4h` (two decimals at most); undefined for no amount. */
export function formatStepDuration(amountOf: number | null | undefined, unit: 'd' | 'h'): string | undefined {
  if (amountOf === null || amountOf === undefined || !Number.isFinite(amountOf) || amountOf <= 0) return undefined;
  return `${Number(amountOf.toFixed(2))}${unit}`;
}

/** "2 ngày 4 giờ làm việc", "1,5 giờ làm việc"; "0 giờ" for nothing. A working day is `hoursPerDay` hours. */
export function describeWorkingHours(hours: number, hoursPerDay: number): string {
  const rounded = Math.round(hours * 100) / 100;
  const days = Math.floor(rounded / hoursPerDay);
  const rest = Math.round((rounded - days * hoursPerDay) * 100) / 100;
  const parts = [days ? `${days} ngày` : '', rest ? `${String(rest).replace('.', ',')} giờ` : ''].filter(Boolean);
  return parts.length ? `${parts.join(' ')} làm việc` : '0 giờ';
}

/**
 * Milliseconds of wall-clock time in a duration without years or months (a day is 24 h, a week
 * 7 days: exact in Vietnam, which has no daylight saving); null for years or months.
 */
export function wallClockMillis(duration: DurationParts): number | null {
  if (duration.years || duration.months) return null;
  const days = duration.weeks * 7 + duration.days;
  return (
    days * MS_PER_CALENDAR_DAY + duration.hours * MS_PER_HOUR + duration.minutes * 60_000 + duration.seconds * 1000
  );
}
