import type { ValidationIssue } from '../../engine.types';
import { issue, type ValidationRule } from '../validation-rule';

/** The process, and each embedded subprocess, needs exactly one none start event (a process may use a timer start instead). */
export const startEventRule: ValidationRule = (model) => {
  const issues: ValidationIssue[] = [];
  const noneStarts = new Map<string, string[]>();
  for (const element of Object.values(model.elements)) {
    if (element.kind === 'startEvent:none') noneStarts.set(element.scopeId, [...(noneStarts.get(element.scopeId) ?? []), element.id]);
  }
  const scopes = [model.id, ...Object.values(model.elements).filter((e) => e.kind === 'subProcess').map((e) => e.id)];
  for (const scopeId of scopes) {
    const starts = noneStarts.get(scopeId) ?? [];
    if (starts.length === 0 && !(scopeId === model.id && model.startEventId)) {
      issues.push(issue(scopeId, 'NO_START_EVENT', 'error', `${scopeId === model.id ? 'The process' : 'The subprocess'} has no none start event`));
    }
    for (const extra of starts.slice(1)) {
      issues.push(issue(extra, 'MULTIPLE_START_EVENTS', 'error', `A scope may have one none start event; ${starts[0]} is already one`));
    }
  }
  return issues;
};
