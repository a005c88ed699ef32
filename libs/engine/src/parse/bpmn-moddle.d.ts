// bpmn-moddle 10 ships no typings for its factory (docs/toolchain.md); this is the part we use.
declare module 'bpmn-moddle' {
  /** A node of the moddle tree. Loosely typed: the parser reads it defensively. */
  export interface ModdleElement {
    $type: string;
    $parent?: ModdleElement;
    $attrs?: Record<string, string>;
    $instanceOf(type: string): boolean;
    id?: string;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    [property: string]: any;
  }

  export interface ParseWarning {
    message: string;
    element?: ModdleElement;
    property?: string;
    value?: unknown;
    error?: Error;
  }

  export interface ParseResult {
    rootElement: ModdleElement;
    warnings: ParseWarning[];
    elementsById: Record<string, ModdleElement>;
  }

  export interface BpmnModdleInstance {
    fromXML(xml: string, typeName?: string): Promise<ParseResult>;
  }

  export function BpmnModdle(packages?: Record<string, unknown>, options?: Record<string, unknown>): BpmnModdleInstance;
}
