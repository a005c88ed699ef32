import type { ModdleElement } from 'bpmn-moddle';
import { stripExpressionMarker } from '../feel/feel-expression';
import type { MultiInstanceSpec } from '../model/process-model.types';
import { text, zeebeExtension, type VendorExtensions } from './vendor-extensions';

/**
 * A `bpmn:multiInstanceLoopCharacteristics`: `mc:` attributes first, then Camunda 7
 * (`camunda:collection`, `camunda:elementVariable`), then Zeebe (`zeebe:loopCharacteristics`).
 * Collections, cardinality, completion condition and output element are FEEL.
 */
export function readMultiInstance(
  node: ModdleElement,
  loop: ModdleElement,
  vendor: VendorExtensions,
): MultiInstanceSpec {
  const id = node.id ?? '';
  const camunda = vendor.camunda(id)?.loopCharacteristics as ModdleElement | undefined;
  const zeebe = zeebeExtension(vendor.zeebe(id)?.loopCharacteristics, 'zeebe:LoopCharacteristics');
  const spec: MultiInstanceSpec = { sequential: loop.isSequential === true };
  const collection = text(loop.collection) ?? text(camunda?.collection) ?? text(zeebe?.inputCollection);
  if (collection) spec.collection = stripExpressionMarker(collection);
  const elementVariable = text(loop.elementVariable) ?? text(camunda?.elementVariable) ?? text(zeebe?.inputElement);
  if (elementVariable) spec.elementVariable = elementVariable;
  const cardinality = text(loop.loopCardinality?.body);
  if (cardinality) spec.cardinality = stripExpressionMarker(cardinality);
  const completion = text(loop.completionCondition?.body);
  if (completion) spec.completionCondition = stripExpressionMarker(completion);
  const outputCollection = text(loop.outputCollection) ?? text(zeebe?.outputCollection);
  if (outputCollection) spec.outputCollection = outputCollection;
  const outputElement = text(loop.outputElement) ?? text(zeebe?.outputElement);
  if (outputElement) spec.outputElement = stripExpressionMarker(outputElement);
  const behavior = text(loop.behavior) ?? 'All';
  const behaviorEvents =
    loop.oneBehaviorEventRef !== undefined ||
    loop.noneBehaviorEventRef !== undefined ||
    (loop.complexBehaviorDefinition ?? []).length > 0;
  if (behavior !== 'All' || behaviorEvents) spec.behavior = behavior;
  return spec;
}
