import type { ValidationIssue } from '../../engine.types';
import { isStepDuration, stepDurationHours } from '../../../../calendar/src/step-duration.grammar';
import { issue, type ValidationRule } from '../validation-rule';

/** What `mc:form` may say of the opinion and attachments (issue 16): absent, "required", "optional" or `{label?, required?}`. */
function isRequirement(value: unknown): boolean {
  if (value === undefined || value === 'required' || value === 'optional') return true;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { label, required } = value as Record<string, unknown>;
  return (
    (label === undefined || typeof label === 'string') && (required === undefined || typeof required === 'boolean')
  );
}

/** User tasks need someone to do them and a readable deadline; service tasks a sane retry budget. */
export const taskRule: ValidationRule = (model) => {
  const issues: ValidationIssue[] = [];
  for (const element of Object.values(model.elements)) {
    const spec = element.userTask;
    if (spec) {
      if (spec.candidateGroups.length === 0 && !spec.assignee) {
        issues.push(
          issue(
            element.id,
            'TASK_UNASSIGNED',
            'warning',
            'No candidate groups and no assignee: nobody will see this task in an inbox',
          ),
        );
      }
      if (spec.duration !== undefined && !isStepDuration(spec.duration)) {
        issues.push(
          issue(
            element.id,
            'DURATION_INVALID',
            'error',
            `mc:duration '${spec.duration}' is not 2d, 4h or an ISO 8601 day/time duration (P2D, PT4H)`,
          ),
        );
      } else if (spec.duration !== undefined && stepDurationHours(spec.duration, 8) === 0) {
        // A step due the moment it starts is overdue at once (issue 19 item 6): leave mc:duration out for no deadline.
        issues.push(
          issue(
            element.id,
            'DURATION_ZERO',
            'error',
            `mc:duration '${spec.duration}' is zero: give a positive duration, or none for a step without a deadline`,
          ),
        );
      }
      if (spec.form !== undefined && (typeof spec.form !== 'object' || spec.form === null)) {
        issues.push(issue(element.id, 'FORM_INVALID', 'error', 'mc:form must hold a JSON object'));
      } else if (spec.form) {
        const form = spec.form as Record<string, unknown>;
        for (const key of ['opinion', 'attachments'] as const) {
          if (!isRequirement(form[key])) {
            issues.push(
              issue(
                element.id,
                'FORM_INVALID',
                'error',
                `mc:form "${key}" must be "required", "optional" or an object such as {"label": "…", "required": true}`,
              ),
            );
          }
        }
      }
    }
    if (element.job && element.job.retries === null) {
      issues.push(issue(element.id, 'RETRIES_INVALID', 'error', 'mc:retries must be a whole number of attempts'));
    }
  }
  return issues;
};
