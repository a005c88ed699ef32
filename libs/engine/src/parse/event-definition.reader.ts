import type { ModdleElement } from 'bpmn-moddle';
import type { EventDefinitionModel, TimerDefinition } from '../model/process-model.types';
import { eventDefinitionsOf, eventKindOf } from './element-kind.classifier';
import { text } from './vendor-extensions';

const TIMER_FIELDS = [
  ['timeDate', 'date'],
  ['timeDuration', 'duration'],
  ['timeCycle', 'cycle'],
] as const;

/** The event definition of an event (or the message of a receive task); undefined for none events. */
export function readEventDefinition(element: ModdleElement): EventDefinitionModel | undefined {
  if (element.$type === 'bpmn:ReceiveTask') return withMessage({ kind: 'message' }, element.messageRef);
  const definitions = eventDefinitionsOf(element);
  if (definitions.length === 0) return undefined;
  if (definitions.length > 1) return { kind: 'multiple' };
  const definition = definitions[0];
  const kind = eventKindOf(definition);
  switch (kind) {
    case 'message':
      return withMessage({ kind }, definition.messageRef);
    case 'error': {
      const errorCode = text(definition.errorRef?.errorCode);
      return errorCode === undefined ? { kind } : { kind, errorCode };
    }
    case 'escalation': {
      const escalationCode = text(definition.escalationRef?.escalationCode);
      return escalationCode === undefined ? { kind } : { kind, escalationCode };
    }
    case 'signal': {
      const signalName = text(definition.signalRef?.name) ?? text(definition.signalRef?.id);
      return signalName === undefined ? { kind } : { kind, signalName };
    }
    case 'timer': {
      const timer = readTimer(definition);
      return timer ? { kind, timer } : { kind };
    }
    default:
      return { kind };
  }
}

function withMessage(event: EventDefinitionModel, message: ModdleElement | undefined): EventDefinitionModel {
  const messageName = text(message?.name);
  return messageName === undefined ? event : { ...event, messageName };
}

function readTimer(definition: ModdleElement): TimerDefinition | undefined {
  for (const [field, type] of TIMER_FIELDS) {
    const value = text(definition[field]?.body);
    if (value !== undefined) return { type, value, workingTime: definition.workingTime === true };
  }
  return undefined;
}
