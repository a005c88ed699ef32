import type { CompiledOfficeHours, SessionSpan } from './office-hours.parser';
import { localDayOf, localDayStart, MS_PER_DAY } from './local-day.util';
import type { WorkingDayIndex } from './working-day.index';

/**
 * Working-time arithmetic on epoch milliseconds. It steps a session or a whole day at a time,
 * never minute by minute. Sessions are half-open [start, end): 11:30 is lunch, 17:00 is closed.
 *
 * The two conventions that make `add` and `between` exact inverses:
 * - `add(t, d)` is the EARLIEST instant u with between(t, u) = d, so a deadline that uses up a
 *   session lands on its end (07:00 + 8 h = 17:00 the same day, not 07:00 the next).
 * - `subtract(u, d)` is the LATEST instant t with between(t, u) = d (lands on a session start).
 */
export class WorkingTimeWalker {
  private readonly sessions: readonly SessionSpan[];
  private readonly workingDayMs: number;

  constructor(
    private readonly index: WorkingDayIndex,
    hours: CompiledOfficeHours,
  ) {
    this.sessions = hours.sessions;
    this.workingDayMs = hours.workingDayMs;
  }

  isWorkingDay(day: number): boolean {
    return this.index.isWorkingDay(day);
  }

  /** The instant itself when the office is open, else the start of the next session. */
  nextOpening(at: number): number {
    let day = localDayOf(at);
    let timeOfDay = at - localDayStart(day);
    for (;;) {
      if (this.index.isWorkingDay(day)) {
        for (const s of this.sessions) {
          if (timeOfDay < s.endMs) return localDayStart(day) + Math.max(timeOfDay, s.startMs);
        }
      }
      day++;
      timeOfDay = 0;
    }
  }

  add(from: number, durationMs: number): number {
    if (durationMs === 0) return from;
    let left = durationMs;
    let day = localDayOf(from);
    let timeOfDay = from - localDayStart(day);
    for (;;) {
      if (this.index.isWorkingDay(day)) {
        if (timeOfDay === 0 && left > this.workingDayMs) {
          left -= this.workingDayMs; // a whole day at once
        } else {
          for (const s of this.sessions) {
            if (timeOfDay >= s.endMs) continue;
            const start = Math.max(timeOfDay, s.startMs);
            if (left <= s.endMs - start) return localDayStart(day) + start + left;
            left -= s.endMs - start;
          }
        }
      }
      day++;
      timeOfDay = 0;
    }
  }

  subtract(to: number, durationMs: number): number {
    if (durationMs === 0) return to;
    let left = durationMs;
    let day = localDayOf(to);
    let timeOfDay = to - localDayStart(day);
    for (;;) {
      if (this.index.isWorkingDay(day)) {
        if (timeOfDay === MS_PER_DAY && left > this.workingDayMs) {
          left -= this.workingDayMs;
        } else {
          for (let i = this.sessions.length - 1; i >= 0; i--) {
            const s = this.sessions[i];
            if (timeOfDay <= s.startMs) continue;
            const end = Math.min(timeOfDay, s.endMs);
            if (left <= end - s.startMs) return localDayStart(day) + end - left;
            left -= end - s.startMs;
          }
        }
      }
      day--;
      timeOfDay = MS_PER_DAY;
    }
  }

  /** Working ms in [from, to); negative when `to` is before `from` (time left turns into time overdue). */
  between(from: number, to: number): number {
    if (to < from) return negate(this.between(to, from));
    const firstDay = localDayOf(from);
    const lastDay = localDayOf(to);
    const fromTime = from - localDayStart(firstDay);
    const toTime = to - localDayStart(lastDay);
    if (firstDay === lastDay) {
      return this.index.isWorkingDay(firstDay) ? this.workedBy(toTime) - this.workedBy(fromTime) : 0;
    }
    let total = this.index.isWorkingDay(firstDay) ? this.workingDayMs - this.workedBy(fromTime) : 0;
    for (let day = firstDay + 1; day < lastDay; day++) {
      if (this.index.isWorkingDay(day)) total += this.workingDayMs;
    }
    return total + (this.index.isWorkingDay(lastDay) ? this.workedBy(toTime) : 0);
  }

  /** When the office closes on a local day (end of its last session). */
  closingOf(day: number): number {
    return localDayStart(day) + this.sessions[this.sessions.length - 1].endMs;
  }

  /** The first working day after a local day. */
  nextWorkingDay(day: number): number {
    let next = day + 1;
    while (!this.index.isWorkingDay(next)) next++;
    return next;
  }

  /** Working ms of a working day elapsed by a time of day. */
  private workedBy(timeOfDay: number): number {
    let worked = 0;
    for (const s of this.sessions) {
      if (timeOfDay <= s.startMs) break;
      worked += Math.min(timeOfDay, s.endMs) - s.startMs;
    }
    return worked;
  }
}

/** -x without the -0 that would surprise `Object.is` and JSON readers. */
export function negate(ms: number): number {
  return ms === 0 ? 0 : -ms;
}
