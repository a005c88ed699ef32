import { CalendarError } from './calendar.error';
import { localDayOf, localDayStart } from './local-day.util';
import { type DurationInput, isZeroDuration, toWorkingMillis, type WorkingDuration } from './working-duration.parser';
import type { WorkingTimeWalker } from './working-time.walker';

/**
 * A procedure's legal processing time: a working duration, or `{ sameDay: true }` for
 * procedures returned the day they are received (birth registration, certified copies).
 */
export type LegalTime = string | (WorkingDuration & { readonly sameDay?: boolean });

/**
 * The appointment (ngày hẹn trả) before any pause, in epoch ms. Counting starts at the next
 * opening (after hours → next morning, lunch break → 13:30).
 * - Duration: `receivedAt + legal time` in working time, so N days from Monday 09:00 is due
 *   at 09:00 N working days later, and a full day from the opening is due at closing.
 * - Same day: due at closing of the day counting starts; from the cut-off (15:00) on, at
 *   closing of the next working day. We give the closing time rather than "the same time
 *   tomorrow" because the receipt promises a day and the result is ready by its end.
 */
export function baseAppointment(
  walker: WorkingTimeWalker,
  receivedAt: number,
  legalTime: LegalTime,
  sameDayCutoffMs: number,
  workingDayMs: number,
): number {
  if (typeof legalTime === 'object' && legalTime !== null && legalTime.sameDay === true) {
    if (!isZeroDuration(legalTime)) {
      throw new CalendarError(
        'CALENDAR_INVALID_DURATION',
        'A same-day legal time takes no days, hours or minutes: give one or the other',
      );
    }
    const start = walker.nextOpening(receivedAt);
    const day = localDayOf(start);
    const beforeCutoff = start - localDayStart(day) < sameDayCutoffMs;
    return walker.closingOf(beforeCutoff ? day : walker.nextWorkingDay(day));
  }
  return walker.add(receivedAt, toWorkingMillis(legalTime as DurationInput, workingDayMs));
}
