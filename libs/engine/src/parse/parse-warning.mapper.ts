import type { ModdleElement } from 'bpmn-moddle';
import type { ValidationIssue } from '../engine.types';
import type { SourcedWarning } from './bpmn-document.reader';

const UNPARSABLE = /^unparsable content <([^>]*)> detected\n\tline: (\d+)\n\tcolumn: (\d+)\n\tnested error: ([\s\S]*)$/;

/**
 * Turns moddle's warnings into issues, so nothing the parser dropped goes unnoticed. Each
 * vocabulary's parse repeats the BPMN-level warnings: identical messages are reported once.
 */
export function parseWarningIssues(warnings: SourcedWarning[], xml: string): ValidationIssue[] {
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  for (const sourced of warnings) {
    if (seen.has(sourced.warning.message)) continue;
    seen.add(sourced.warning.message);
    const issue = toIssue(sourced, xml);
    if (issue) issues.push(issue);
  }
  return issues;
}

function toIssue({ warning, vocabulary }: SourcedWarning, xml: string): ValidationIssue | null {
  const { message } = warning;
  // The caller hands us a decoded string: the declared encoding no longer matters.
  if (message.startsWith('unsupported document encoding')) return null;
  const elementId = idOf(warning.element) ?? '';
  const unknownAttribute = /^unknown attribute <([^>]*)>/.exec(message);
  if (unknownAttribute) {
    const name = unknownAttribute[1];
    if (vocabulary === 'bpmn' && name === 'mc:action') {
      return {
        elementId,
        code: 'DESK_ACTION_NOT_USER_TASK',
        severity: 'error',
        message: `mc:action belongs on a user task, not on ${warning.element?.$type}`,
      };
    }
    // mc is ours: an unknown mc attribute is a typo that would silently lose an assignment.
    const severity = vocabulary === 'bpmn' && name.startsWith('mc:') ? 'error' : 'warning';
    return {
      elementId,
      code: 'UNKNOWN_ATTRIBUTE',
      severity,
      message: `Unknown attribute ${name} on ${warning.element?.$type}`,
    };
  }
  const unparsable = UNPARSABLE.exec(message);
  if (unparsable) {
    const [, tag, line, column, nested] = unparsable;
    const duplicate = nested.startsWith('duplicate ID');
    return {
      elementId:
        idAtPosition(xml, Number(line), Number(column)) ?? enclosingId(xml, Number(line), Number(column)) ?? elementId,
      code: duplicate ? 'DUPLICATE_ID' : 'UNKNOWN_ELEMENT',
      // Vendor vocabularies only add fallbacks; an element only they cannot read loses nothing we run.
      severity: vocabulary === 'bpmn' || duplicate ? 'error' : 'warning',
      message: `<${tag}> was dropped by the parser: ${nested.trim()}`,
    };
  }
  const unresolved = /^unresolved reference <([^>]*)>/.exec(message);
  if (unresolved && warning.property === 'bpmn:eventDefinitionRef') {
    // The event would silently become a none event (issue 21 #3): refused.
    return {
      elementId,
      code: 'EVENT_DEFINITION_UNRESOLVED',
      severity: 'error',
      message: `${elementId} refers to event definition ${unresolved[1]}, which the document does not hold`,
    };
  }
  if (unresolved) {
    return {
      elementId,
      code: 'REFERENCE_UNRESOLVED',
      severity: 'warning',
      message: `Reference to missing element ${unresolved[1]}`,
    };
  }
  return { elementId, code: 'PARSE_WARNING', severity: 'warning', message };
}

/** The id of the element, or of the nearest ancestor that has one. */
function idOf(element: ModdleElement | undefined): string | undefined {
  for (let current = element; current; current = current.$parent) {
    if (typeof current.id === 'string') return current.id;
  }
  return undefined;
}

/** The `id` attribute of the start tag at a (0-based) line and column, as saxen reports them. */
function idAtPosition(xml: string, line: number, column: number): string | undefined {
  const start = offsetOf(xml, line, column);
  if (start === undefined) return undefined;
  const end = xml.indexOf('>', start);
  const tag = xml.slice(start, end < 0 ? undefined : end);
  return /\sid\s*=\s*["']([^"']*)["']/.exec(tag)?.[1];
}

/**
 * A dropped element without an id of its own (`<bpmn:script>` inside a global script task) is
 * named by the nearest element with an id before it, so no issue names an empty id (issue 21 #7).
 */
function enclosingId(xml: string, line: number, column: number): string | undefined {
  const start = offsetOf(xml, line, column);
  if (start === undefined) return undefined;
  const ids = [...xml.slice(0, start).matchAll(/<[\w:.-]+[^>]*?\sid\s*=\s*["']([^"']*)["']/g)];
  return ids.at(-1)?.[1];
}

function offsetOf(xml: string, line: number, column: number): number | undefined {
  let offset = 0;
  for (let current = 0; current < line; current++) {
    const next = xml.indexOf('\n', offset);
    if (next < 0) return undefined;
    offset = next + 1;
  }
  return offset + column;
}
