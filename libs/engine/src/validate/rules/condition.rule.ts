import type { ValidationIssue } from '../../engine.types';
import { feelSyntaxError } from '../../feel/feel-expression';
import { issue, type ValidationRule } from '../validation-rule';

/** FEEL must parse; exclusive splits should say what happens when no condition holds. */
export const conditionRule: ValidationRule = (model) => {
  const issues: ValidationIssue[] = [];
  for (const flow of Object.values(model.flows)) {
    const error = flow.condition === undefined ? null : feelSyntaxError(flow.condition);
    if (error) issues.push(issue(flow.id, 'FEEL_INVALID', 'error', error));
  }
  for (const element of Object.values(model.elements)) {
    if (element.defaultFlow && !element.outgoing.includes(element.defaultFlow)) {
      issues.push(
        issue(
          element.id,
          'DEFAULT_FLOW_INVALID',
          'error',
          `Default flow ${element.defaultFlow} does not leave ${element.id}`,
        ),
      );
    }
    const conditional = element.kind === 'exclusiveGateway' || element.kind === 'inclusiveGateway';
    if (!conditional || element.outgoing.length < 2) continue;
    const others = element.outgoing.filter((id) => id !== element.defaultFlow);
    if (!element.defaultFlow && others.some((id) => model.flows[id]?.condition !== undefined)) {
      issues.push(
        issue(
          element.id,
          'NO_DEFAULT_FLOW',
          'warning',
          'No default flow: when no condition holds, the instance stops with an incident',
        ),
      );
    }
    if (element.kind === 'inclusiveGateway') continue; // an unconditional flow leaving an inclusive split is simply always taken
    for (const id of others.filter((flowId) => model.flows[flowId]?.condition === undefined)) {
      issues.push(
        issue(
          id,
          'CONDITION_MISSING',
          'warning',
          'A flow leaving an exclusive split without a condition is always taken when reached; mark it as default instead',
        ),
      );
    }
  }
  return issues;
};
