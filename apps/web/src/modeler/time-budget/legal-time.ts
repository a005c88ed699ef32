import type { LegalTime } from '../properties/mc-lookups';
import { HOURS_PER_WORKING_DAY, describeWorkingHours } from './step-duration';

/**
 * A legal time in working hours, as the time budget compares it: days × 8 + hours. "Trong ngày"
 * (`sameDay`) counts as one working day, 8 hours: the whole day a dossier received at the
 * morning opening has. The server's appointment for a same-day dossier is the closing of the
 * day it is received (or of the next working day after the cut-off), so the steps of such a
 * procedure must fit in one working day; a budget above 8 hours cannot be kept on any day.
 * Undefined when the catalog gives no time.
 */
export function legalHoursOf(legal: LegalTime | null | undefined): number | undefined {
  if (!legal) return undefined;
  if (legal.sameDay === true) return HOURS_PER_WORKING_DAY;
  if (legal.days === undefined && legal.hours === undefined) return undefined;
  return (legal.days ?? 0) * HOURS_PER_WORKING_DAY + (legal.hours ?? 0);
}

/** "15 ngày làm việc", "4 giờ làm việc", "trong ngày"; undefined when the catalog gives no time. */
export function describeLegalTime(legal: LegalTime | null | undefined): string | undefined {
  if (legal?.sameDay === true) return 'trong ngày';
  const hours = legalHoursOf(legal);
  return hours === undefined ? undefined : describeWorkingHours(hours);
}
