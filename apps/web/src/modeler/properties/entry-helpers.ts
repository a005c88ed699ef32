import { useService } from 'bpmn-js-properties-panel';
import type { DiagramElement, ModdleElement } from '../moddle.types';

interface Modeling {
  updateProperties(element: DiagramElement, properties: Record<string, unknown>): void;
  updateModdleProperties(element: DiagramElement, target: ModdleElement, properties: Record<string, unknown>): void;
}

/** Props every entry component receives from the panel. */
export interface EntryProps {
  element: DiagramElement;
  id: string;
}

/** Reads and writes one `mc:` attribute of the element's business object (undo-able commands). */
export function useMcAttribute(element: DiagramElement, name: string, target?: ModdleElement) {
  const modeling = useService<Modeling>('modeling');
  const owner = target ?? element.businessObject;
  const get = (): unknown => owner.get(`mc:${name}`);
  const set = (value: unknown): void => {
    const blank =
      value === '' || value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value));
    const properties = { [`mc:${name}`]: blank ? undefined : value };
    if (target) modeling.updateModdleProperties(element, target, properties);
    else modeling.updateProperties(element, properties);
  };
  return { get, set };
}

/** The process a diagram element belongs to (its own for a participant or the root). */
export function processOf(element: DiagramElement): ModdleElement | undefined {
  const bo = element.businessObject;
  if (bo.$instanceOf('bpmn:Participant')) return bo.processRef;
  if (bo.$instanceOf('bpmn:Process')) return bo;
  return undefined;
}
