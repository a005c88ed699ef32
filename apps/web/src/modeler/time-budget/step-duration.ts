import {
  describeWorkingHours as describeHours,
  formatStepDuration,
  stepDurationDays,
  stepDurationHours,
} from '../../../../../libs/calendar/src/step-duration.grammar.js';

/** One working day is 8 working hours (DESIGN §4: office hours 07:00–11:30 and 13:30–17:00). */
export const HOURS_PER_WORKING_DAY = 8;

export type DurationUnit = 'd' | 'h';

/** A step duration as the panel edits it: an amount of working days or working hours. */
export interface EditableDuration {
  amount: number;
  unit: DurationUnit;
}

// The grammar is libs/calendar's (step-duration.grammar.ts), the same the engine and the server read.
export { formatStepDuration };

/** Working hours of an `mc:duration` value, or null when the engine would refuse it (DURATION_INVALID). */
export function workingHours(raw: string | undefined | null): number | null {
  return stepDurationHours(raw, HOURS_PER_WORKING_DAY);
}

/** `2d` → 2 days, `4h` → 4 hours, `1d4h` → 12 hours; null when absent or unreadable. */
export function toEditable(raw: string | undefined | null): EditableDuration | null {
  const hours = workingHours(raw);
  if (hours === null) return null;
  const days = stepDurationDays(raw);
  return days !== null ? { amount: days, unit: 'd' } : { amount: hours, unit: 'h' };
}

/** "2 ngày 4 giờ làm việc"; "0 giờ" for nothing. */
export function describeWorkingHours(hours: number): string {
  return describeHours(hours, HOURS_PER_WORKING_DAY);
}
