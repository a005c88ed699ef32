import { flowElementsOf } from '../lint/mc.rules';
import { splitGroups } from '../mc-vocabulary';
import type { ModdleElement } from '../moddle.types';
import { formatStepDuration, toEditable } from '../time-budget/step-duration';

/** What a Camunda 7 or 8 file says about one user task, and the `mc:` values it converts to. */
export interface VendorAssignment {
  elementId: string;
  name: string;
  /** As written: `camunda:candidateGroups="…"`, `zeebe:taskSchedule dueDate="…"`… */
  found: string[];
  candidateGroups?: string;
  duration?: string;
}

/*
 * The modeler loads only the `mc` descriptor (mc.json and camunda-bpmn-moddle cannot share one
 * moddle, libs/engine/README.md), so Camunda attributes arrive as unknown attributes in `$attrs`
 * and Zeebe extension elements as generic elements. Both are kept on export, and the engine reads
 * them as fallbacks; converting writes the `mc:` equivalents next to them.
 */
export function findVendorAssignments(definitions: ModdleElement): VendorAssignment[] {
  const found: VendorAssignment[] = [];
  for (const task of flowElementsOf(definitions)) {
    if (!task.$instanceOf('bpmn:UserTask')) continue;
    const zeebe = (type: string) =>
      ((task.extensionElements?.values ?? []) as ModdleElement[]).find((value) => value.$type === type);
    const assignment = zeebe('zeebe:assignmentDefinition');
    const schedule = zeebe('zeebe:taskSchedule');
    const groups = task.$attrs['camunda:candidateGroups'] ?? assignment?.candidateGroups;
    const dueDate = task.$attrs['camunda:dueDate'] ?? schedule?.dueDate;
    const written = [
      ...(['camunda:candidateGroups', 'camunda:assignee', 'camunda:dueDate'] as const)
        .filter((name) => task.$attrs[name])
        .map((name) => `${name}="${task.$attrs[name]}"`),
      ...(assignment?.candidateGroups
        ? [`zeebe:assignmentDefinition candidateGroups="${assignment.candidateGroups}"`]
        : []),
      ...(assignment?.assignee ? [`zeebe:assignmentDefinition assignee="${assignment.assignee}"`] : []),
      ...(schedule?.dueDate ? [`zeebe:taskSchedule dueDate="${schedule.dueDate}"`] : []),
    ];
    if (written.length === 0) continue;
    const entry: VendorAssignment = { elementId: task.id, name: task.name ?? task.id, found: written };
    const convertedGroups = groups ? literalGroups(groups) : [];
    if (convertedGroups.length && !task.get('mc:candidateGroups')) entry.candidateGroups = convertedGroups.join(',');
    const duration = dueDate ? dueDateToDuration(dueDate) : null;
    if (duration && !task.get('mc:duration')) entry.duration = duration;
    found.push(entry);
  }
  return found;
}

/** `a, b` or the Zeebe FEEL literal `=["a","b"]`; an expression computed at run time converts to nothing. */
function literalGroups(value: string): string[] {
  const text = value.trim();
  if (!text.startsWith('=') && !text.includes('${')) return splitGroups(text);
  const list = /^=\s*\[(.*)\]\s*$/.exec(text);
  if (!list) return [];
  const items = list[1].split(',').map((item) => item.trim());
  return items.every((item) => /^"[^"]*"$/.test(item)) ? items.map((item) => item.slice(1, -1)).filter(Boolean) : [];
}

/**
 * A due date relative to the task's creation becomes a step duration: an ISO duration (`P2D`),
 * Camunda 7's `${dateTime().plusDays(2)…}` and Camunda 8's `=now() + duration("PT4H")`. Fixed
 * dates and other expressions have no equivalent and are left as they are.
 */
export function dueDateToDuration(dueDate: string): string | null {
  const text = dueDate.trim();
  const plus = /plus(Days|Hours)\((\d+)\)/.exec(text);
  if (plus && text.includes('dateTime()')) return `${plus[2]}${plus[1] === 'Days' ? 'd' : 'h'}`;
  const feel = /^=\s*now\(\)\s*\+\s*duration\("([^"]+)"\)\s*$/.exec(text);
  const iso = feel ? feel[1] : text;
  if (!/^P/i.test(iso)) return null;
  const editable = toEditable(iso);
  return editable ? (formatStepDuration(editable.amount, editable.unit) ?? null) : null;
}
