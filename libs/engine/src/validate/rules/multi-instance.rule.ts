import type { ValidationIssue } from '../../engine.types';
import { feelSyntaxError } from '../../feel/feel-expression';
import { issue, type ValidationRule } from '../validation-rule';

/**
 * A multi-instance activity says how many instances (a collection or a cardinality), in valid
 * FEEL; a literal cardinality above `limits.maxCardinality` is refused here, any other count at
 * runtime (runtime/multi-instance.ts).
 */
export const multiInstanceRule: ValidationRule = (model, limits) => {
  const issues: ValidationIssue[] = [];
  for (const element of Object.values(model.elements)) {
    const spec = element.multiInstance;
    if (!spec) continue;
    if (spec.collection === undefined && spec.cardinality === undefined) {
      issues.push(
        issue(
          element.id,
          'MULTI_INSTANCE_INVALID',
          'error',
          'A multi-instance activity needs an input collection or a loop cardinality',
        ),
      );
    }
    for (const expression of [spec.collection, spec.cardinality, spec.completionCondition, spec.outputElement]) {
      const error = expression === undefined ? null : feelSyntaxError(expression);
      if (error) issues.push(issue(element.id, 'FEEL_INVALID', 'error', error));
    }
    const literal =
      spec.cardinality !== undefined && /^\s*\d+(?:\.\d+)?\s*$/.test(spec.cardinality)
        ? Number(spec.cardinality)
        : null;
    if (literal !== null && literal > limits.maxCardinality) {
      issues.push(
        issue(
          element.id,
          'MULTI_INSTANCE_CARDINALITY_TOO_LARGE',
          'error',
          `Cardinality ${literal} is above the ${limits.maxCardinality} instances allowed`,
        ),
      );
    }
    if (spec.behavior !== undefined) {
      // None/One/Complex throw events as instances complete (BPMN 2.0.2 §10.3.8): not run here (issue 21 #5).
      issues.push(
        issue(
          element.id,
          'MULTI_INSTANCE_BEHAVIOR_UNSUPPORTED',
          'error',
          `Multi-instance behavior "${spec.behavior}" on ${element.id} is not supported (events thrown as instances complete): only the default "All", without behavior events, runs`,
        ),
      );
    }
    if (spec.outputElement !== undefined && spec.outputCollection === undefined) {
      issues.push(
        issue(element.id, 'MULTI_INSTANCE_INVALID', 'error', 'An output element needs an output collection to go to'),
      );
    }
  }
  return issues;
};
