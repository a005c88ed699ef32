import type { Severity, ValidationIssue } from '../engine.types';
import type { DiagramLimits } from '../limits/diagram-limits';
import type { ElementModel, ProcessModel } from '../model/process-model.types';

/** One deploy-time check over the compiled model. */
export type ValidationRule = (model: ProcessModel, limits: DiagramLimits) => ValidationIssue[];

export function issue(elementId: string, code: string, severity: Severity, message: string): ValidationIssue {
  return { elementId, code, message, severity };
}

/** Activities may carry boundary events. */
export function isActivity(element: ElementModel): boolean {
  return /(Task|SubProcess|CallActivity|Transaction)$/.test(element.type);
}
