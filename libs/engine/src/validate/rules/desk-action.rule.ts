import type { ValidationIssue } from '../../engine.types';
import { DESK_ACTION_ROLES, DESK_ACTIONS, isDeskAction } from '../../model/desk-action';
import { issue, type ValidationRule } from '../validation-rule';

/**
 * `mc:action` steps (ADR 0012): a known action, one desk action per dossier (no multi-instance),
 * offered to a role that may take the action. `mc:action` off a user task is reported by the
 * parser (DESK_ACTION_NOT_USER_TASK).
 */
export const deskActionRule: ValidationRule = (model) => {
  const issues: ValidationIssue[] = [];
  for (const element of Object.values(model.elements)) {
    const action = element.userTask?.action;
    if (action === undefined) continue;
    if (!isDeskAction(action)) {
      issues.push(
        issue(
          element.id,
          'DESK_ACTION_UNKNOWN',
          'error',
          `mc:action '${action}' is not a desk action (${DESK_ACTIONS.join(', ')})`,
        ),
      );
      continue;
    }
    if (element.multiInstance || element.loop) {
      issues.push(
        issue(
          element.id,
          'DESK_ACTION_MULTI_INSTANCE',
          'error',
          `A ${action} step is done once per dossier: it cannot be a loop or multi-instance`,
        ),
      );
    }
    const roles = DESK_ACTION_ROLES[action];
    const groups = element.userTask?.candidateGroups ?? [];
    if (groups.length > 0 && !groups.some((group) => roles.includes(group))) {
      issues.push(
        issue(
          element.id,
          'DESK_ACTION_GROUPS',
          'warning',
          `A ${action} step is completed at the desk by ${roles.join(' or ')}; it is offered to ${groups.join(', ')}`,
        ),
      );
    }
  }
  return issues;
};
