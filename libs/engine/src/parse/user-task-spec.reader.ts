import type { ModdleElement } from 'bpmn-moddle';
import { evaluate } from 'feelin';
import type { UserTaskSpec } from '../engine.types';
import { stripExpressionMarker } from '../feel/feel-expression';
import { normalizeStepDuration } from '../../../calendar/src/step-duration.grammar';
import { text, zeebeExtension, type VendorExtensions } from './vendor-extensions';

/** Assignment and deadline of a user task: `mc:` attributes first, then Camunda 7, then Camunda 8. */
export function readUserTaskSpec(task: ModdleElement, vendor: VendorExtensions): UserTaskSpec {
  const id = task.id ?? '';
  const camunda = vendor.camunda(id);
  const zeebe = vendor.zeebe(id);
  const assignment = zeebeExtension(zeebe, 'zeebe:AssignmentDefinition');
  const schedule = zeebeExtension(zeebe, 'zeebe:TaskSchedule');
  const spec: UserTaskSpec = {
    candidateGroups: splitGroups(
      text(task.candidateGroups) ?? text(camunda?.candidateGroups) ?? text(assignment?.candidateGroups),
    ),
  };
  const assignee = text(camunda?.assignee) ?? text(assignment?.assignee);
  const duration = text(task.duration);
  const form = text(task.form);
  const dueDate = text(camunda?.dueDate) ?? text(schedule?.dueDate);
  if (text(task.unit)) spec.unit = text(task.unit);
  if (assignee) spec.assignee = assignee;
  // An invalid duration or form is kept as written so the validator can name it.
  if (duration) spec.duration = normalizeStepDuration(duration) ?? duration;
  if (text(task.status)) spec.status = text(task.status);
  if (form) spec.form = parseForm(form);
  if (text(task.action)) spec.action = text(task.action);
  if (dueDate) spec.dueDate = dueDate;
  return spec;
}

/** `reception, head` → two groups; a Zeebe FEEL list `=["a","b"]` is read when it is a literal. */
function splitGroups(value: string | undefined): string[] {
  if (value === undefined) return [];
  if (value.startsWith('=')) {
    const literal = literalList(stripExpressionMarker(value));
    if (literal) return literal;
    return [value];
  }
  return value
    .split(',')
    .map((group) => group.trim())
    .filter((group) => group !== '');
}

function literalList(expression: string): string[] | null {
  try {
    const { value } = evaluate(expression, {});
    return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : null;
  } catch {
    return null;
  }
}

function parseForm(form: string): unknown {
  try {
    return JSON.parse(form);
  } catch {
    return form;
  }
}
