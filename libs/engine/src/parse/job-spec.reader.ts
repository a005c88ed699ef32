import type { ModdleElement } from 'bpmn-moddle';
import type { JobSpec } from '../model/process-model.types';
import { text, zeebeExtension, type VendorExtensions } from './vendor-extensions';

const DEFAULT_RETRIES = 3;

/** Worker topic and attempts of a service or send task (`mc:` first, then Camunda 7, then Zeebe). */
export function readJobSpec(task: ModdleElement, vendor: VendorExtensions): JobSpec {
  const id = task.id ?? '';
  const definition = zeebeExtension(vendor.zeebe(id), 'zeebe:TaskDefinition');
  return { topic: explicitTopic(task, vendor) ?? id, retries: readRetries(task.retries, definition?.retries) };
}

/** The worker topic as written (`mc:topic`, `camunda:topic`, zeebe `taskDefinition type`), if any. */
export function explicitTopic(task: ModdleElement, vendor: VendorExtensions): string | undefined {
  const id = task.id ?? '';
  const definition = zeebeExtension(vendor.zeebe(id), 'zeebe:TaskDefinition');
  return text(task.topic) ?? text(vendor.camunda(id)?.topic) ?? text(definition?.type);
}

function readRetries(mcRetries: unknown, zeebeRetries: unknown): number | null {
  // moddle coerces mc:retries (an Integer) with parseInt: garbage arrives as NaN.
  if (mcRetries !== undefined) return isAttempts(mcRetries) ? mcRetries : null;
  const fromZeebe =
    typeof zeebeRetries === 'string' && /^\d+$/.test(zeebeRetries.trim()) ? Number(zeebeRetries) : undefined;
  return fromZeebe ?? DEFAULT_RETRIES;
}

function isAttempts(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
