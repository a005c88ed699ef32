// dmn-moddle 12 ships no typings for its factory (like bpmn-moddle, docs/toolchain.md); this is the part we use.
declare module 'dmn-moddle' {
  /** A node of the moddle tree. Loosely typed: the compiler reads it defensively. */
  export interface DmnElement {
    $type: string;
    $parent?: DmnElement;
    $attrs?: Record<string, string>;
    id?: string;
    name?: string;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    [property: string]: any;
  }

  export interface DmnParseWarning {
    message: string;
    element?: DmnElement;
    property?: string;
    error?: Error;
  }

  export interface DmnParseResult {
    rootElement: DmnElement;
    warnings: DmnParseWarning[];
    elementsById: Record<string, DmnElement>;
  }

  export interface DmnModdleInstance {
    fromXML(xml: string, typeName?: string): Promise<DmnParseResult>;
  }

  export function DmnModdle(packages?: Record<string, unknown>, options?: Record<string, unknown>): DmnModdleInstance;
}
