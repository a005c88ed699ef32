import type { ValidationIssue } from '../../engine.types';
import { feelSyntaxError } from '../../feel/feel-expression';
import { issue, type ValidationRule } from '../validation-rule';

/**
 * A process key as deployments and partner declarations accept it. The called key is reserved for
 * the caller's owner at deploy (docs/security.md, ownership), so it must be a key, not free text:
 * a 270,000-character name reached the key index and failed there with a 500 (found by fuzzing).
 */
const PROCESS_KEY = /^[A-Za-z_][\w.-]{0,199}$/;

/** A call activity names the process it calls, and its mappings are valid FEEL. */
export const callActivityRule: ValidationRule = (model) => {
  const issues: ValidationIssue[] = [];
  for (const element of Object.values(model.elements)) {
    const call = element.call;
    if (!call) continue;
    if (call.globalTask) {
      issues.push(
        issue(
          element.id,
          'CALL_GLOBAL_TASK_UNSUPPORTED',
          'error',
          `Call activity ${element.id} calls global task ${call.calledElement} (${call.globalTask}): only processes can be called; draw the task in the process instead`,
        ),
      );
    } else if (call.calledElement === '')
      issues.push(
        issue(element.id, 'CALLED_ELEMENT_MISSING', 'error', `Call activity ${element.id} names no process to call`),
      );
    else if (!PROCESS_KEY.test(call.calledElement)) {
      issues.push(
        issue(
          element.id,
          'CALLED_ELEMENT_INVALID',
          'error',
          `Call activity ${element.id} must name a process key (a letter or _, then up to 199 letters, digits, _ . -)`,
        ),
      );
    }
    for (const mapping of [...(call.inputs ?? []), ...(call.outputs ?? [])]) {
      const error = feelSyntaxError(mapping.source);
      if (error) issues.push(issue(element.id, 'FEEL_INVALID', 'error', error));
    }
  }
  return issues;
};
