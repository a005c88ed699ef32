/**
 * The one working-time port (issue 17). The engine's `mc:workingTime` timers and workflow's step
 * deadlines both count through it; libs/worktime's `WorkingCalendarService` implements it from
 * the stored holiday tables and office hours, and workflow falls back to wall-clock time without it.
 */
export interface WorkingTime {
  /**
   * `from` plus a step duration (`P2D`, `PT4H`, also `2d`/`4h`) counted in `unitCode`'s calendar.
   * Throws CalendarError `CALENDAR_INVALID_DURATION` for a duration it cannot count.
   */
  add(from: Date, duration: string, unitCode?: string): Date;
  /** The unit's calendar, when there is one: deadline warnings count backwards in it. */
  calendarSync?(unitCode: string): StepCalendar;
}

/** What deadline warnings need of a unit's calendar (`WorkingCalendar` has it). */
export interface StepCalendar {
  workingMillisBetween(from: Date, to: Date): number;
  subtractWorkingTime(to: Date, duration: { seconds?: number }): Date;
}
