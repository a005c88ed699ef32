/**
 * When a user task is due. The lead plugs the working-day calendar in under this token
 * (DESIGN §4: `mc:duration` counts working time); the default below counts wall time.
 */
export interface DeadlineCalculator {
  /** Due instant of a step created at `createdAt` with `isoDuration` (`PT4H`, `P2D`) in `unitCode`; null when the step has no duration. */
  dueAt(createdAt: Date, isoDuration: string | undefined, unitCode: string): Date | null;
  /** The unit's calendar, when the calculator has one (the working-day calendar does): deadline warnings count backwards in it. */
  calendarSync?(unitCode: string): StepCalendar;
}

/** What deadline warnings need of a unit's working calendar (libs/calendar's `WorkingCalendar` has it). */
export interface StepCalendar {
  workingMillisBetween(from: Date, to: Date): number;
  subtractWorkingTime(to: Date, duration: { seconds?: number }): Date;
}

export const DEADLINE_CALCULATOR = Symbol('DEADLINE_CALCULATOR');

const ISO_DURATION = /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;
const SHORT_DURATION = /^(\d+(?:\.\d+)?)\s*([dhm])$/i;
const HOUR = 3_600_000;

/** Milliseconds of an ISO 8601 duration made of weeks, days, hours, minutes, seconds (a day = 24 h); null when unreadable. */
export function wallClockMillis(duration: string): number | null {
  const text = duration.trim();
  const short = SHORT_DURATION.exec(text);
  if (short) return Number(short[1]) * { d: 24 * HOUR, h: HOUR, m: 60_000 }[short[2].toLowerCase() as 'd' | 'h' | 'm'];
  const match = ISO_DURATION.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) return null;
  const [w, d, h, m, s] = match.slice(1).map((part) => Number(part ?? 0));
  return (((w * 7 + d) * 24 + h) * 60 + m) * 60_000 + s * 1000;
}

/** Default: wall-clock hours, weekends and holidays included. */
export class WallClockDeadlineCalculator implements DeadlineCalculator {
  dueAt(createdAt: Date, isoDuration: string | undefined): Date | null {
    if (!isoDuration) return null;
    const millis = wallClockMillis(isoDuration);
    return millis === null ? null : new Date(createdAt.getTime() + millis);
  }
}
