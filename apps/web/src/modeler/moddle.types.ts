/**
 * The part of a moddle business object the modeler extensions use. bpmn-js ships no types for
 * its business objects; this keeps the `any` in one place.
 */
export interface ModdleElement {
  $type: string;
  id: string;
  name?: string;
  $attrs: Record<string, string>;
  $parent?: ModdleElement;
  $instanceOf(type: string): boolean;
  get(name: string): any; // eslint-disable-line @typescript-eslint/no-explicit-any
  [property: string]: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** A shape or connection of the diagram (diagram-js element). */
export interface DiagramElement {
  id: string;
  type: string;
  businessObject: ModdleElement;
  waypoints?: unknown[];
  labelTarget?: DiagramElement;
}
