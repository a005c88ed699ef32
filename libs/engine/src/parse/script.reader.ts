import type { ModdleElement } from 'bpmn-moddle';
import { stripExpressionMarker } from '../feel/feel-expression';
import type { ElementModel } from '../model/process-model.types';
import { text, zeebeExtension, type VendorExtensions } from './vendor-extensions';

/**
 * A script task's FEEL and result variable: `<bpmn:script>` with `mc:resultVariable` or
 * `camunda:resultVariable`, or a Zeebe `zeebe:script expression resultVariable`. The script
 * format is kept so the validator can refuse anything but FEEL (no JavaScript, ever).
 */
export function readScript(task: ModdleElement, vendor: VendorExtensions): NonNullable<ElementModel['script']> {
  const id = task.id ?? '';
  const zeebe = zeebeExtension(vendor.zeebe(id), 'zeebe:Script');
  const body = text(task.script) ?? text(zeebe?.expression);
  const script: NonNullable<ElementModel['script']> = {
    expression: body === undefined ? '' : stripExpressionMarker(body),
  };
  const resultVariable =
    text(task.resultVariable) ?? text(vendor.camunda(id)?.resultVariable) ?? text(zeebe?.resultVariable);
  if (resultVariable) script.resultVariable = resultVariable;
  const format = text(task.scriptFormat);
  if (format) script.format = format;
  return script;
}
