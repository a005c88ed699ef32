import type { ModdleElement } from 'bpmn-moddle';

/** The same element as read by the Camunda or the Zeebe moddle, when the document uses them. */
export interface VendorExtensions {
  camunda(id: string): ModdleElement | undefined;
  zeebe(id: string): ModdleElement | undefined;
}

/** A `zeebe:` extension element (`zeebe:AssignmentDefinition`, `zeebe:TaskDefinition`…) of an element. */
export function zeebeExtension(element: ModdleElement | undefined, type: string): ModdleElement | undefined {
  const values: ModdleElement[] = element?.extensionElements?.values ?? [];
  return values.find((value) => value.$type === type);
}

/** An attribute value, or undefined when absent or blank. */
export function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}
