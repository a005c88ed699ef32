import { CalendarError, type OfficeHours, WorkingCalendar } from '../../../calendar/src';

/**
 * Validates office hours as the calendar will use them (half-open 'HH:mm' sessions, none
 * overlapping) and returns them sorted by start; throws CalendarError CALENDAR_INVALID_HOURS.
 */
export function checkOfficeHours(input: unknown): OfficeHours {
  if (!Array.isArray(input)) {
    throw new CalendarError('CALENDAR_INVALID_HOURS', "sessions must be an array of {start: 'HH:mm', end: 'HH:mm'}");
  }
  // Building a calendar is the one authoritative check (libs/calendar owns the rules).
  new WorkingCalendar({ officeHours: input as OfficeHours, holidays: [] });
  return input
    .map((session: { start: string; end: string }) => ({ start: session.start, end: session.end }))
    .sort((a, b) => a.start.localeCompare(b.start));
}

/** Stored hours that are usable, or undefined (bad data in `units.office_hours` falls back to the default). */
export function usableOfficeHours(stored: unknown): OfficeHours | undefined {
  if (stored === null || stored === undefined) return undefined;
  // Also read `{sessions: [...]}`, the shape of the HTTP body, in case a unit was written that way.
  const sessions = Array.isArray(stored) ? stored : (stored as { sessions?: unknown }).sessions;
  try {
    return checkOfficeHours(sessions);
  } catch {
    return undefined;
  }
}
