import { EngineError } from '../engine.types';
import type { ElementModel } from '../model/process-model.types';
import { diagramLimits } from '../limits/diagram-limits';
import { planNextCycle, planTimer, type TimerPlan } from '../time/timer.schedule';
import type { Wait } from './instance-state.types';
import { history, type Run } from './run';

/** Schedules the timer job of a timer event; the token (or listener) then waits on it. */
export function scheduleTimer(run: Run, event: ElementModel): Wait {
  return scheduleJob(run, event, () =>
    planTimer(timerOf(event), run.now, run.ctx.workingTime, diagramLimits(run.ctx.limits).minTimerCycleMs),
  );
}

/** Schedules the next repetition of a cycle timer that just fired; null when it has run out. */
export function rescheduleCycle(run: Run, event: ElementModel, remaining: number | null | undefined): Wait | null {
  if (remaining === undefined || remaining === 0) return null;
  return scheduleJob(run, event, () =>
    planNextCycle(
      timerOf(event),
      run.now,
      remaining,
      run.ctx.workingTime,
      diagramLimits(run.ctx.limits).minTimerCycleMs,
    ),
  );
}

function scheduleJob(run: Run, event: ElementModel, plan: () => TimerPlan): Wait {
  let timer: TimerPlan;
  try {
    timer = plan();
  } catch (error) {
    // Definitions are validated at deploy; this is the working-time calendar refusing the duration.
    throw new EngineError('TIMER_INVALID', `Timer ${event.id}: ${error instanceof Error ? error.message : error}`, {
      cause: error,
    });
  }
  const id = run.ctx.newId();
  const dueAt = timer.dueAt.toISOString();
  run.effects.push({ type: 'job.scheduled', job: { id, kind: 'timer', elementId: event.id, dueAt } });
  history(run, { type: 'timer.scheduled', elementId: event.id, data: { jobId: id, dueAt } });
  return timer.remaining === undefined
    ? { kind: 'timer', ref: id }
    : { kind: 'timer', ref: id, remaining: timer.remaining };
}

function timerOf(event: ElementModel) {
  const timer = event.event?.timer;
  if (!timer) throw new Error('the timer has no definition');
  return timer;
}
