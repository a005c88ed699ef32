import { CalendarError } from './calendar.error';
import { MS_PER_HOUR, MS_PER_MINUTE } from './local-day.util';
import { quoted } from './quoted-input';
import { parseDayTimeDuration } from './step-duration.grammar';

/**
 * An amount of working time. Days are working days (one = the sum of the office sessions,
 * 8 h by default); fractions are allowed because some procedures give "0,5 ngày làm việc".
 */
export interface WorkingDuration {
  readonly days?: number;
  readonly hours?: number;
  readonly minutes?: number;
  readonly seconds?: number;
}

/** A WorkingDuration or an ISO 8601 duration of days and time: 'P2D', 'PT4H', 'P1DT2H', 'P0.5D'. */
export type DurationInput = WorkingDuration | string;

const FIELDS = ['days', 'hours', 'minutes', 'seconds'] as const;

/** Converts a duration to working milliseconds; throws CALENDAR_INVALID_DURATION. */
export function toWorkingMillis(input: DurationInput, workingDayMs: number): number {
  const duration = typeof input === 'string' ? parseWorkingIso(input) : checkObject(input);
  const ms =
    (duration.days ?? 0) * workingDayMs +
    (duration.hours ?? 0) * MS_PER_HOUR +
    (duration.minutes ?? 0) * MS_PER_MINUTE +
    (duration.seconds ?? 0) * 1000;
  // Whole milliseconds keep add and between exact inverses of each other.
  return Math.round(ms);
}

/** True when no component of the duration is set to a non-zero value. */
export function isZeroDuration(duration: WorkingDuration): boolean {
  return FIELDS.every((field) => !duration[field]);
}

function parseWorkingIso(text: string): WorkingDuration {
  const parts = parseDayTimeDuration(text);
  if (!parts) {
    throw new CalendarError(
      'CALENDAR_INVALID_DURATION',
      `'${text}' is not a working duration: use ISO 8601 days and time such as 'P2D', 'PT4H', 'P1DT2H' ` +
        '(years, months and weeks are not fixed amounts of working time)',
    );
  }
  return { days: parts.days, hours: parts.hours, minutes: parts.minutes, seconds: parts.seconds };
}

function checkObject(input: unknown): WorkingDuration {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new CalendarError(
      'CALENDAR_INVALID_DURATION',
      `A working duration is an ISO 8601 string or {days, hours, minutes, seconds}; got ${quoted(input)}`,
    );
  }
  for (const [key, value] of Object.entries(input)) {
    if (key === 'sameDay') continue; // LegalTime shares this shape; appointmentFor reads it.
    if (!(FIELDS as readonly string[]).includes(key)) {
      throw new CalendarError(
        'CALENDAR_INVALID_DURATION',
        `Unknown duration field '${key}': use days, hours, minutes or seconds`,
      );
    }
    if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value) || value < 0)) {
      throw new CalendarError(
        'CALENDAR_INVALID_DURATION',
        `Duration field '${key}' must be a non-negative number; got ${quoted(value)}`,
      );
    }
  }
  return input as WorkingDuration;
}
