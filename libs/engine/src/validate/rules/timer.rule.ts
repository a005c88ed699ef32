import type { ValidationIssue } from '../../engine.types';
import { isExecutableKind } from '../../behaviors/behavior.registry';
import { timerProblem } from '../../time/timer.schedule';
import { issue, type ValidationRule } from '../validation-rule';

/** Every timer needs a definition the engine can schedule (ISO 8601 date, duration or cycle). */
export const timerRule: ValidationRule = (model) => {
  const issues: ValidationIssue[] = [];
  for (const element of Object.values(model.elements)) {
    if (element.event?.kind !== 'timer' || !isExecutableKind(element.kind)) continue;
    const timer = element.event.timer;
    if (!timer) {
      issues.push(issue(element.id, 'TIMER_UNDEFINED', 'error', `Timer ${element.id} has no timeDate, timeDuration or timeCycle`));
      continue;
    }
    const problem = timerProblem(timer);
    if (problem) issues.push(issue(element.id, 'TIMER_INVALID', 'error', `Timer ${element.id}: ${problem}`));
  }
  return issues;
};
