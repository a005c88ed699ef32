import type { ValidationIssue } from '../../engine.types';
import { feelSyntaxError } from '../../feel/feel-expression';
import { issue, type ValidationRule } from '../validation-rule';

/** A call activity names the process it calls, and its mappings are valid FEEL. */
export const callActivityRule: ValidationRule = (model) => {
  const issues: ValidationIssue[] = [];
  for (const element of Object.values(model.elements)) {
    const call = element.call;
    if (!call) continue;
    if (call.calledElement === '') issues.push(issue(element.id, 'CALLED_ELEMENT_MISSING', 'error', `Call activity ${element.id} names no process to call`));
    for (const mapping of [...(call.inputs ?? []), ...(call.outputs ?? [])]) {
      const error = feelSyntaxError(mapping.source);
      if (error) issues.push(issue(element.id, 'FEEL_INVALID', 'error', error));
    }
  }
  return issues;
};
