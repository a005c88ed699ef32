import type { ModdleElement } from 'bpmn-moddle';
import type { EventKind } from '../model/process-model.types';

/**
 * The behavior key of a flow node: its BPMN local type (`userTask`), for events followed by the
 * event kind (`boundaryEvent:message`, `endEvent:none`). Every node gets a key, supported or not;
 * the behavior registry decides which keys the engine runs.
 */
export function classifyElement(element: ModdleElement): string {
  const local = lowerFirst(element.$type.replace(/^bpmn:/, ''));
  if (local === 'subProcess' && element.triggeredByEvent) return 'eventSubProcess';
  if (!local.endsWith('Event')) return local;
  const definitions = eventDefinitionsOf(element);
  if (definitions.length === 0) return `${local}:none`;
  if (definitions.length > 1) return `${local}:multiple`;
  return `${local}:${eventKindOf(definitions[0])}`;
}

/**
 * The event definitions of an event: those written inside it and those it refers to by id
 * (`<eventDefinitionRef>` to a top-level definition, BPMN 2.0.2 §10.5.1), which count the same.
 */
export function eventDefinitionsOf(element: ModdleElement): ModdleElement[] {
  const inline: ModdleElement[] = element.eventDefinitions ?? [];
  const referred: ModdleElement[] = (element.eventDefinitionRef ?? []).filter(
    (definition: ModdleElement | undefined) => definition?.$type !== undefined,
  );
  return [...inline, ...referred];
}

/** `bpmn:MessageEventDefinition` → `message`. */
export function eventKindOf(definition: ModdleElement): EventKind {
  return lowerFirst(definition.$type.replace(/^bpmn:/, '').replace(/EventDefinition$/, '')) as EventKind;
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
