import type { ValidationIssue } from '../../engine.types';
import { feelSyntaxError } from '../../feel/feel-expression';
import { issue, type ValidationRule } from '../validation-rule';

/** Script tasks run FEEL only: another language is refused (never evaluated), and the FEEL must parse. */
export const scriptRule: ValidationRule = (model) => {
  const issues: ValidationIssue[] = [];
  for (const element of Object.values(model.elements)) {
    const script = element.script;
    if (!script) continue;
    if (script.format !== undefined && script.format.toLowerCase() !== 'feel') {
      issues.push(
        issue(
          element.id,
          'SCRIPT_LANGUAGE_UNSUPPORTED',
          'error',
          `Script format '${script.format}' is not supported: scripts are FEEL only`,
        ),
      );
      continue;
    }
    if (script.expression === '') {
      issues.push(issue(element.id, 'SCRIPT_MISSING', 'error', `Script task ${element.id} has no FEEL expression`));
      continue;
    }
    const error = feelSyntaxError(script.expression);
    if (error) issues.push(issue(element.id, 'FEEL_INVALID', 'error', error));
  }
  return issues;
};
