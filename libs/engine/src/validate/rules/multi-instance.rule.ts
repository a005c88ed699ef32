import type { ValidationIssue } from '../../engine.types';
import { feelSyntaxError } from '../../feel/feel-expression';
import { issue, type ValidationRule } from '../validation-rule';

/** A multi-instance activity says how many instances (a collection or a cardinality), in valid FEEL. */
export const multiInstanceRule: ValidationRule = (model) => {
  const issues: ValidationIssue[] = [];
  for (const element of Object.values(model.elements)) {
    const spec = element.multiInstance;
    if (!spec) continue;
    if (spec.collection === undefined && spec.cardinality === undefined) {
      issues.push(issue(element.id, 'MULTI_INSTANCE_INVALID', 'error', 'A multi-instance activity needs an input collection or a loop cardinality'));
    }
    for (const expression of [spec.collection, spec.cardinality, spec.completionCondition, spec.outputElement]) {
      const error = expression === undefined ? null : feelSyntaxError(expression);
      if (error) issues.push(issue(element.id, 'FEEL_INVALID', 'error', error));
    }
    if (spec.outputElement !== undefined && spec.outputCollection === undefined) {
      issues.push(issue(element.id, 'MULTI_INSTANCE_INVALID', 'error', 'An output element needs an output collection to go to'));
    }
  }
  return issues;
};
