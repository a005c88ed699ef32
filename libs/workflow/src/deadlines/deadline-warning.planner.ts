import type { StepCalendar, WorkingTime } from '../../../calendar/src';

/** How far ahead of a step's due time its assignee is warned. */
export interface WarningPolicy {
  /** Share of the step's working time (0.25: a quarter). */
  fraction: number;
  /** Lower bound of the lead, working milliseconds (one working hour). */
  minLeadMs: number;
}

const wallClock: StepCalendar = {
  workingMillisBetween: (from, to) => to.getTime() - from.getTime(),
  subtractWorkingTime: (to, duration) => new Date(to.getTime() - Math.round((duration.seconds ?? 0) * 1000)),
};

/**
 * When to warn the assignee of a step created at `createdAt` and due at `dueAt`: a quarter of
 * the step's working time before it is due, at least one working hour, counted backwards in the
 * unit's calendar (so a warning never lands at night or on a holiday). Null when the lead is
 * the whole step or more: a warning at creation tells nothing the due badge does not.
 */
export function planWarning(
  createdAt: Date,
  dueAt: Date,
  unitCode: string,
  policy: WarningPolicy,
  workingTime?: WorkingTime,
): Date | null {
  const calendar = workingTime?.calendarSync?.(unitCode) ?? wallClock;
  const stepMs = calendar.workingMillisBetween(createdAt, dueAt);
  const leadMs = Math.max(stepMs * policy.fraction, policy.minLeadMs);
  if (stepMs <= 0 || leadMs >= stepMs) return null;
  const warnAt = calendar.subtractWorkingTime(dueAt, { seconds: leadMs / 1000 });
  return warnAt.getTime() > createdAt.getTime() ? warnAt : null;
}
