import { BpmnModdle, type BpmnModdleInstance } from 'bpmn-moddle';
import camunda from 'camunda-bpmn-moddle/resources/camunda.json';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';
import mc from '../moddle/mc.json';

/** The extension vocabularies we read; `bpmn` means BPMN plus our own `mc` attributes. */
export type Vocabulary = 'bpmn' | 'camunda' | 'zeebe';

export const CAMUNDA_URI = 'http://camunda.org/schema/1.0/bpmn';
export const ZEEBE_URI = 'http://camunda.org/schema/zeebe/1.0';

/*
 * One moddle per vocabulary, not one with all three: moddle keys extension attributes by local
 * name, and the vocabularies reuse names on the same BPMN types (mc:candidateGroups and
 * camunda:candidateGroups on bpmn:UserTask, mc:topic and camunda:topic, camunda: and
 * zeebe:modelerTemplate). Registered together, moddle refuses the whole element ("property
 * already defined") and silently drops it from the tree.
 */
const instances = new Map<Vocabulary, BpmnModdleInstance>();

/** The moddle for one vocabulary, built once per process (descriptor building is not free). */
export function moddleFor(vocabulary: Vocabulary): BpmnModdleInstance {
  let instance = instances.get(vocabulary);
  if (!instance) {
    const packages = { bpmn: { mc }, camunda: { camunda }, zeebe: { zeebe } }[vocabulary];
    instance = BpmnModdle(packages);
    instances.set(vocabulary, instance);
  }
  return instance;
}
