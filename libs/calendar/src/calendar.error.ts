/** Stable codes the HTTP edge and the tests rely on (STYLE rule 8); never rename one. */
export type CalendarErrorCode =
  | 'CALENDAR_INVALID_DATE'
  | 'CALENDAR_INVALID_DURATION'
  | 'CALENDAR_INVALID_HOURS'
  | 'CALENDAR_INVALID_HOLIDAYS'
  | 'CALENDAR_INVALID_PAUSE'
  | 'CALENDAR_OUT_OF_RANGE';

/**
 * An error of the working-day calendar. `details` lists every problem found when one input
 * had several (an admin's holiday table), so the admin can fix them in one go.
 */
export class CalendarError extends Error {
  constructor(
    readonly code: CalendarErrorCode,
    message: string,
    readonly details: readonly string[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CalendarError';
  }
}
