import type { WorkingTime } from '../engine.types';
import type { TimerDefinition } from '../model/process-model.types';
import { isDayTimeDuration, parseIsoDuration } from '../../../calendar/src/step-duration.grammar';
import { addIsoDuration, parseIsoDateTime } from './iso-duration';

/** A timer definition read once: either a usable plan or the reason it is unusable. */
type ParsedTimer =
  | { type: 'date'; at: Date }
  | { type: 'duration'; duration: string }
  | { type: 'cycle'; repetitions: number | null; start?: Date; interval: string };

/** When a timer job is due, and for cycles how many repetitions remain after this one (null: forever). */
export interface TimerPlan {
  dueAt: Date;
  remaining?: number | null;
}

const CYCLE = /^R(\d*)\/(.+)$/i;

/** Why the timer cannot be scheduled (for TIMER_INVALID), or null when it is fine. */
export function timerProblem(timer: TimerDefinition): string | null {
  const parsed = parseTimer(timer);
  return typeof parsed === 'string' ? parsed : null;
}

/** A cycle's interval in milliseconds (months and years counted from 1970-01-01), or null for another timer or an invalid one. */
export function cycleIntervalMs(timer: TimerDefinition): number | null {
  const parsed = parseTimer(timer);
  if (typeof parsed === 'string' || parsed.type !== 'cycle') return null;
  return addIsoDuration(new Date(0), parseIsoDuration(parsed.interval)!).getTime();
}

/**
 * The first due time of a timer entered at `now`. Throws on an invalid definition (validated at
 * deploy). A cycle's interval is at least `minCycleMs` (issue 15): a definition deployed before
 * the bound, or under a smaller setting, repeats no faster than the current one.
 */
export function planTimer(timer: TimerDefinition, now: Date, workingTime?: WorkingTime, minCycleMs = 0): TimerPlan {
  const parsed = parseOrThrow(timer);
  switch (parsed.type) {
    case 'date':
      return { dueAt: parsed.at };
    case 'duration':
      return { dueAt: addDuration(now, parsed.duration, timer.workingTime, workingTime) };
    case 'cycle':
      return {
        dueAt:
          parsed.start ?? atLeast(now, addDuration(now, parsed.interval, timer.workingTime, workingTime), minCycleMs),
        remaining: parsed.repetitions === null ? null : parsed.repetitions - 1,
      };
  }
}

/** The next repetition of a cycle that fired at `now`, at least `minCycleMs` later. */
export function planNextCycle(
  timer: TimerDefinition,
  now: Date,
  remaining: number | null,
  workingTime?: WorkingTime,
  minCycleMs = 0,
): TimerPlan {
  const parsed = parseOrThrow(timer);
  if (parsed.type !== 'cycle') throw new Error(`timer ${timer.value} is not a cycle`);
  return {
    dueAt: atLeast(now, addDuration(now, parsed.interval, timer.workingTime, workingTime), minCycleMs),
    remaining: remaining === null ? null : remaining - 1,
  };
}

function atLeast(now: Date, dueAt: Date, minMs: number): Date {
  return dueAt.getTime() - now.getTime() >= minMs ? dueAt : new Date(now.getTime() + minMs);
}

function parseOrThrow(timer: TimerDefinition): Exclude<ParsedTimer, string> {
  const parsed = parseTimer(timer);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
}

function addDuration(from: Date, iso: string, working: boolean, workingTime?: WorkingTime): Date {
  if (working && workingTime) return workingTime.add(from, iso);
  return addIsoDuration(from, parseIsoDuration(iso)!);
}

function parseTimer(timer: TimerDefinition): ParsedTimer | string {
  const value = timer.value.trim();
  if (/^(=|\$\{|#\{)/.test(value)) return `expressions are not supported in timers yet: '${value}'`;
  switch (timer.type) {
    case 'date': {
      const at = parseIsoDateTime(value);
      return at
        ? { type: 'date', at }
        : `'${value}' is not an ISO 8601 date-time with an offset (e.g. 2025-03-01T08:00:00+07:00)`;
    }
    case 'duration':
      return durationProblem(value, timer.workingTime) ?? { type: 'duration', duration: value.toUpperCase() };
    case 'cycle':
      return parseCycle(value, timer.workingTime);
  }
}

function parseCycle(value: string, working: boolean): ParsedTimer | string {
  const match = CYCLE.exec(value);
  if (!match) return `'${value}' is not an ISO 8601 repeating interval such as R3/PT10M (cron is not supported)`;
  const repetitions = match[1] === '' ? null : Number(match[1]);
  if (repetitions === 0) return `'${value}' repeats zero times`;
  const parts = match[2].split('/');
  const interval = parts[parts.length - 1];
  const start = parts.length === 2 ? parseIsoDateTime(parts[0]) : undefined;
  if (parts.length > 2 || start === null) return `'${value}' must be R[n]/duration or R[n]/start/duration`;
  const problem = durationProblem(interval, working);
  if (problem) return problem;
  return { type: 'cycle', repetitions, start, interval: interval.toUpperCase() };
}

function durationProblem(value: string, working: boolean): string | null {
  const duration = parseIsoDuration(value);
  if (!duration) return `'${value}' is not an ISO 8601 duration such as PT4H or P2D`;
  if (working && !isDayTimeDuration(duration)) {
    return `'${value}' counts working time, which only takes days and time (no years, months or weeks)`;
  }
  const zero = Object.values(duration).every((part) => part === 0);
  return zero ? `'${value}' is a zero duration` : null;
}
