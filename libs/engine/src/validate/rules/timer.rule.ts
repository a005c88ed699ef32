import type { ValidationIssue } from '../../engine.types';
import { isExecutableKind } from '../../behaviors/behavior.registry';
import { cycleIntervalMs, timerProblem } from '../../time/timer.schedule';
import { issue, type ValidationRule } from '../validation-rule';

/**
 * Every timer needs a definition the engine can schedule (ISO 8601 date, duration or cycle); a
 * cycle repeats no faster than `limits.minTimerCycleMs` (issue 15: `R/PT0.001S` started 118
 * instances a second until the process was redeployed).
 */
export const timerRule: ValidationRule = (model, limits) => {
  const issues: ValidationIssue[] = [];
  for (const element of Object.values(model.elements)) {
    if (element.event?.kind !== 'timer' || !isExecutableKind(element.kind)) continue;
    const timer = element.event.timer;
    if (!timer) {
      issues.push(
        issue(element.id, 'TIMER_UNDEFINED', 'error', `Timer ${element.id} has no timeDate, timeDuration or timeCycle`),
      );
      continue;
    }
    const problem = timerProblem(timer);
    if (problem) issues.push(issue(element.id, 'TIMER_INVALID', 'error', `Timer ${element.id}: ${problem}`));
    const interval = cycleIntervalMs(timer);
    if (interval !== null && interval < limits.minTimerCycleMs) {
      issues.push(
        issue(
          element.id,
          'TIMER_CYCLE_TOO_SHORT',
          'error',
          `Timer ${element.id} repeats every ${interval} ms; the shortest cycle allowed is ${limits.minTimerCycleMs} ms`,
        ),
      );
    }
  }
  return issues;
};
