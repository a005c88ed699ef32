import type { ValidationIssue } from '../../engine.types';
import { issue, type ValidationRule } from '../validation-rule';

/** Sequence flows must connect two flow nodes of the same scope. */
export const flowRule: ValidationRule = (model) => {
  const issues: ValidationIssue[] = [];
  for (const flow of Object.values(model.flows)) {
    const source = flow.sourceId ? model.elements[flow.sourceId] : undefined;
    const target = flow.targetId ? model.elements[flow.targetId] : undefined;
    if (!source || !target) {
      const end = !source ? `source ${flow.sourceId ?? '(none)'}` : `target ${flow.targetId ?? '(none)'}`;
      issues.push(
        issue(
          flow.id,
          'FLOW_DANGLING',
          'error',
          `Sequence flow ${flow.id} points nowhere: ${end} is not a flow node of this process`,
        ),
      );
    } else if (source.scopeId !== target.scopeId) {
      issues.push(
        issue(flow.id, 'FLOW_CROSSES_SCOPE', 'error', `Sequence flow ${flow.id} crosses a subprocess border`),
      );
    }
  }
  return issues;
};
