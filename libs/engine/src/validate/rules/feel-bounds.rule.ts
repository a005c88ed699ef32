import type { ValidationIssue } from '../../engine.types';
import { feelBoundProblem } from '../../feel/feel-bounds.checker';
import { feelSyntaxError } from '../../feel/feel-expression';
import { issue, type ValidationRule } from '../validation-rule';

/**
 * FEEL sure to cross a bound of the evaluation budget (issue 15) is refused at deploy, with the
 * bound's code: a function definition, a literal range too long, a literal unsafe pattern.
 * Expressions that do not parse are FEEL_INVALID already.
 */
export const feelBoundsRule: ValidationRule = (model) => {
  const expressions: Array<[string, string | undefined]> = [];
  for (const flow of Object.values(model.flows)) expressions.push([flow.id, flow.condition]);
  for (const element of Object.values(model.elements)) {
    expressions.push([element.id, element.script?.expression]);
    expressions.push([element.id, element.outcome?.reason]);
    const multi = element.multiInstance;
    if (multi)
      for (const expression of [multi.collection, multi.cardinality, multi.completionCondition, multi.outputElement])
        expressions.push([element.id, expression]);
    for (const mapping of [...(element.call?.inputs ?? []), ...(element.call?.outputs ?? [])])
      expressions.push([element.id, mapping.source]);
  }
  const issues: ValidationIssue[] = [];
  for (const [elementId, expression] of expressions) {
    if (!expression || feelSyntaxError(expression)) continue;
    const problem = feelBoundProblem(expression);
    if (problem) issues.push(issue(elementId, problem.code, 'error', problem.message));
  }
  return issues;
};
