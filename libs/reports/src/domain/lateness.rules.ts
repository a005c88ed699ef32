import type { WorkingCalendar } from '../../../calendar/src';

/** How late something is at an instant, in the unit's working time. */
export interface Lateness {
  /** Working time from the due time to the instant; 0 when the due time is not yet past. */
  lateWorkingMs: number;
  /** Whole working days of it (a working day is the calendar's office hours, 8 h by default). */
  lateDays: number;
  /** Whole hours left over after the days. */
  lateHours: number;
}

const HOUR_MS = 3_600_000;

/**
 * Lateness of a step or dossier due at `dueAt`, seen at `at`. Never negative: a step can carry
 * the overdue flag before its due time (a flag set by an earlier job, or forced), and it is
 * then listed as overdue but 0 late rather than "early".
 */
export function lateness(
  calendar: Pick<WorkingCalendar, 'workingMillisBetween' | 'workingDayMs'>,
  dueAt: Date,
  at: Date,
): Lateness {
  if (dueAt.getTime() >= at.getTime()) return { lateWorkingMs: 0, lateDays: 0, lateHours: 0 };
  const lateWorkingMs = Math.max(0, calendar.workingMillisBetween(dueAt, at));
  const lateDays = Math.floor(lateWorkingMs / calendar.workingDayMs);
  const lateHours = Math.floor((lateWorkingMs - lateDays * calendar.workingDayMs) / HOUR_MS);
  return { lateWorkingMs, lateDays, lateHours };
}
