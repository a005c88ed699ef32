import type { ModdleElement } from 'bpmn-moddle';
import { stripExpressionMarker } from '../feel/feel-expression';
import type { CallSpec, VariableMapping } from '../model/process-model.types';
import { text, zeebeExtension, type VendorExtensions } from './vendor-extensions';

/**
 * A call activity: the called process key (`calledElement`, or zeebe `calledElement processId`)
 * and its variable mappings — `<mc:in source="=FEEL" target="name"/>` / `<mc:out …/>`, then
 * Camunda 7 `camunda:in`/`camunda:out` (`source` a variable, `sourceExpression` an expression),
 * then Zeebe `ioMapping` inputs/outputs. Sources are FEEL.
 */
export function readCallActivity(node: ModdleElement, vendor: VendorExtensions): CallSpec {
  const id = node.id ?? '';
  const zeebe = vendor.zeebe(id);
  const calledElement = text(node.calledElement) ?? text(zeebeExtension(zeebe, 'zeebe:CalledElement')?.processId) ?? '';
  const spec: CallSpec = { calledElement };
  const ioMapping = zeebeExtension(zeebe, 'zeebe:IoMapping');
  const inputs =
    mappings(node, 'mc:In') ?? mappings(vendor.camunda(id), 'camunda:In') ?? zeebeMappings(ioMapping?.inputParameters);
  const outputs =
    mappings(node, 'mc:Out') ??
    mappings(vendor.camunda(id), 'camunda:Out') ??
    zeebeMappings(ioMapping?.outputParameters);
  if (inputs) spec.inputs = inputs;
  if (outputs) spec.outputs = outputs;
  return spec;
}

function mappings(element: ModdleElement | undefined, type: string): VariableMapping[] | undefined {
  const values: ModdleElement[] = (element?.extensionElements?.values ?? []).filter(
    (value: ModdleElement) => value.$type === type,
  );
  if (values.length === 0) return undefined;
  return values.flatMap((value) => {
    const source = text(value.sourceExpression) ?? text(value.source);
    const target = text(value.target) ?? text(value.source);
    return source && target ? [{ source: stripExpressionMarker(source), target }] : [];
  });
}

function zeebeMappings(parameters: ModdleElement[] | undefined): VariableMapping[] | undefined {
  if (!parameters || parameters.length === 0) return undefined;
  return parameters.flatMap((parameter) => {
    const source = text(parameter.source);
    const target = text(parameter.target);
    return source && target ? [{ source: stripExpressionMarker(source), target }] : [];
  });
}
