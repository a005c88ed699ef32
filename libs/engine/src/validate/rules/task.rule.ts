import type { ValidationIssue } from '../../engine.types';
import { isStepDuration } from '../../time/step-duration.normalizer';
import { issue, type ValidationRule } from '../validation-rule';

/** User tasks need someone to do them and a readable deadline; service tasks a sane retry budget. */
export const taskRule: ValidationRule = (model) => {
  const issues: ValidationIssue[] = [];
  for (const element of Object.values(model.elements)) {
    const spec = element.userTask;
    if (spec) {
      if (spec.candidateGroups.length === 0 && !spec.assignee) {
        issues.push(issue(element.id, 'TASK_UNASSIGNED', 'warning', 'No candidate groups and no assignee: nobody will see this task in an inbox'));
      }
      if (spec.duration !== undefined && !isStepDuration(spec.duration)) {
        issues.push(issue(element.id, 'DURATION_INVALID', 'error', `mc:duration '${spec.duration}' is not 2d, 4h or an ISO 8601 day/time duration (P2D, PT4H)`));
      }
      if (spec.form !== undefined && (typeof spec.form !== 'object' || spec.form === null)) {
        issues.push(issue(element.id, 'FORM_INVALID', 'error', 'mc:form must hold a JSON object'));
      }
    }
    if (element.job && element.job.retries === null) {
      issues.push(issue(element.id, 'RETRIES_INVALID', 'error', 'mc:retries must be a whole number of attempts'));
    }
  }
  return issues;
};
