import {
  CalendarError,
  parseIsoDuration,
  parseStepDuration,
  wallClockMillis,
  type WorkingTime,
} from '../../../calendar/src';

/**
 * Step deadlines through the one working-time port (libs/calendar's `WorkingTime`, bound to
 * `WORKING_TIME` by the calendar module; DESIGN §4: `mc:duration` counts working time).
 * Without a calendar, `WALL_CLOCK_TIME` counts wall time.
 */

/** Default `WorkingTime`: wall-clock time, weekends and holidays included (a day is 24 h, a week 7 days). */
export const WALL_CLOCK_TIME: WorkingTime = {
  add(from: Date, duration: string): Date {
    const parts = parseStepDuration(duration) ?? parseIsoDuration(duration);
    const millis = parts && wallClockMillis(parts);
    if (millis === null || millis === undefined) {
      throw new CalendarError(
        'CALENDAR_INVALID_DURATION',
        `'${duration}' is not a duration of days, hours, minutes or weeks`,
      );
    }
    return new Date(from.getTime() + millis);
  },
};

/**
 * Due time of a step created at `createdAt` with `duration` in `unitCode`: null when the step has
 * no duration, or one the port cannot count (`onUnreadable` hears why; such a step gets no due time).
 */
export function stepDueAt(
  workingTime: WorkingTime,
  createdAt: Date,
  duration: string | undefined,
  unitCode: string,
  onUnreadable: (message: string) => void = () => undefined,
): Date | null {
  if (!duration) return null;
  try {
    return workingTime.add(createdAt, duration, unitCode);
  } catch (error) {
    if (!(error instanceof CalendarError) || error.code !== 'CALENDAR_INVALID_DURATION') throw error;
    onUnreadable(`Step duration '${duration}' cannot be counted; the step gets no due time: ${error.message}`);
    return null;
  }
}
