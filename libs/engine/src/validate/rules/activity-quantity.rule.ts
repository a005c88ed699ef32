import type { ValidationIssue } from '../../engine.types';
import { issue, type ValidationRule } from '../validation-rule';

/**
 * `startQuantity` / `completionQuantity` (BPMN 2.0.2 §10.3.1): how many tokens an activity needs
 * to start and how many it puts on each outgoing flow. The spec requires at least 1, so 0, a
 * negative or a non-integer is invalid. Any other value but the default 1 changes the token
 * count of the whole diagram (an activity that waits for n arrivals, a flow that carries n
 * tokens); the engine runs exactly one token in and one per flow out, so it refuses them rather
 * than ignore them (issue 21 #4): draw a parallel gateway to wait for several branches or to
 * split into several.
 */
export const activityQuantityRule: ValidationRule = (model) => {
  const issues: ValidationIssue[] = [];
  for (const element of Object.values(model.elements)) {
    for (const attribute of ['startQuantity', 'completionQuantity'] as const) {
      const value = element[attribute];
      if (value === undefined) continue;
      if (value === null || value < 1) {
        issues.push(
          issue(
            element.id,
            'QUANTITY_INVALID',
            'error',
            `${attribute} of ${element.id} must be a whole number of at least 1 (BPMN 2.0.2 §10.3.1)`,
          ),
        );
      } else {
        issues.push(
          issue(
            element.id,
            'QUANTITY_UNSUPPORTED',
            'error',
            `${attribute}="${value}" on ${element.id} is not supported: an activity takes one token and leaves one on each flow; draw a parallel gateway to wait for or split into several branches`,
          ),
        );
      }
    }
  }
  return issues;
};
