import type { ValidationIssue } from '../../engine.types';
import { issue, type ValidationRule } from '../validation-rule';

/** The process, and each embedded subprocess, needs exactly one none start event (a process may use a timer or message start instead). */
export const startEventRule: ValidationRule = (model) => {
  const issues: ValidationIssue[] = [];
  const noneStarts = new Map<string, string[]>();
  for (const element of Object.values(model.elements)) {
    if (element.kind === 'startEvent:none')
      noneStarts.set(element.scopeId, [...(noneStarts.get(element.scopeId) ?? []), element.id]);
  }
  const scopes = [
    model.id,
    ...Object.values(model.elements)
      .filter((e) => e.kind === 'subProcess')
      .map((e) => e.id),
  ];
  for (const scopeId of scopes) {
    const starts = noneStarts.get(scopeId) ?? [];
    if (starts.length === 0 && !(scopeId === model.id && (model.startEventId || model.messageStarts))) {
      issues.push(
        issue(
          scopeId,
          'NO_START_EVENT',
          'error',
          `${scopeId === model.id ? 'The process' : 'The subprocess'} has no none start event`,
        ),
      );
    }
    for (const extra of starts.slice(1)) {
      issues.push(
        issue(
          extra,
          'MULTIPLE_START_EVENTS',
          'error',
          `A scope may have one none start event; ${starts[0]} is already one`,
        ),
      );
    }
  }
  for (const eventSub of Object.values(model.elements).filter((e) => e.kind === 'eventSubProcess')) {
    const start = eventSub.startEventId ? model.elements[eventSub.startEventId] : undefined;
    if (!start || start.kind === 'startEvent:none') {
      issues.push(
        issue(
          eventSub.id,
          'NO_START_EVENT',
          'error',
          'An event subprocess needs a start event with a trigger (message, timer, signal, error, escalation)',
        ),
      );
    }
  }
  return issues;
};
