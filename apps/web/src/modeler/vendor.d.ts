/* Type shims for bpmn-io packages that ship no typings (only what the modeler uses). */

declare module 'bpmn-js-properties-panel' {
  export const BpmnPropertiesPanelModule: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  export const BpmnPropertiesProviderModule: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  export function useService<T = any>(name: string, strict?: boolean): T; // eslint-disable-line @typescript-eslint/no-explicit-any
}

declare module '@bpmn-io/properties-panel' {
  type Component = (props: any) => any; // eslint-disable-line @typescript-eslint/no-explicit-any
  export const SelectEntry: Component;
  export const TextFieldEntry: Component;
  export const TextAreaEntry: Component;
  export const NumberFieldEntry: Component;
  export const CheckboxEntry: Component;
  export const CheckboxGroup: Component;
  export const isSelectEntryEdited: (node: unknown) => boolean;
  export const isTextFieldEntryEdited: (node: unknown) => boolean;
  export const isTextAreaEntryEdited: (node: unknown) => boolean;
  export const isNumberFieldEntryEdited: (node: unknown) => boolean;
  export const isCheckboxEntryEdited: (node: unknown) => boolean;
}

declare module 'bpmnlint' {
  export interface LintReport {
    id?: string;
    message: string;
    category: 'error' | 'warn' | 'info' | 'rule-error';
  }
  export class Linter {
    constructor(options: { config: unknown; resolver: unknown });
    lint(definitions: unknown): Promise<Record<string, LintReport[]>>;
  }
}

declare module 'bpmnlint/rules/*' {
  const ruleFactory: unknown;
  export default ruleFactory;
}

/** Only the modeler's specs read XML with bpmn-moddle directly (the app goes through bpmn-js). */
declare module 'bpmn-moddle' {
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(xml: string): Promise<{ rootElement: unknown }>;
  }
}
