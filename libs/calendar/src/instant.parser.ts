import { CalendarError } from './calendar.error';

/** Epoch ms of a Date argument, or CALENDAR_INVALID_DATE naming the argument. */
export function toEpochMs(value: unknown, argument: string): number {
  const ms = value instanceof Date ? value.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw new CalendarError('CALENDAR_INVALID_DATE', `${argument} must be a valid Date; got ${String(value)}`);
  }
  return ms;
}
