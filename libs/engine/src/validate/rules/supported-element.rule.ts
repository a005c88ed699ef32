import { isExecutableKind } from '../../behaviors/behavior.registry';
import type { ElementModel, ProcessModel } from '../../model/process-model.types';
import { issue, type ValidationRule } from '../validation-rule';

/** Sources whose outgoing conditions the engine evaluates (or, for parallel gateways, ignores by spec). */
const CONDITION_SOURCES = new Set(['exclusiveGateway', 'inclusiveGateway', 'parallelGateway']);

/** Activities that may be multi-instance (standard loops are not supported). */
const MULTI_INSTANCE_HOSTS = /(Task|SubProcess|CallActivity)$/;

/** Every element the engine cannot run is an error naming its id; so is a conditional flow leaving an activity. */
export const supportedElementRule: ValidationRule = (model) => {
  const issues = [];
  for (const element of Object.values(model.elements)) {
    if (!isExecutableKind(element.kind)) {
      issues.push(
        issue(element.id, 'UNSUPPORTED_ELEMENT', 'error', `${unsupportedName(element)} is not supported yet`),
      );
    } else if (element.loop === 'standard' || (element.loop && !MULTI_INSTANCE_HOSTS.test(element.type))) {
      issues.push(
        issue(
          element.id,
          'UNSUPPORTED_ELEMENT',
          'error',
          `${element.loop} loop/multi-instance on ${element.type} is not supported yet`,
        ),
      );
    } else if (
      element.kind.startsWith('startEvent:') &&
      element.kind !== 'startEvent:none' &&
      !placeOk(model, element)
    ) {
      issues.push(
        issue(
          element.id,
          'UNSUPPORTED_ELEMENT',
          'error',
          `${unsupportedName(element)} ${element.scopeId === model.id ? 'at process level' : 'inside an embedded subprocess'} is not supported yet`,
        ),
      );
    }
  }
  for (const flow of Object.values(model.flows)) {
    const source = flow.sourceId ? model.elements[flow.sourceId] : undefined;
    if (flow.condition === undefined || !source || !isExecutableKind(source.kind)) continue;
    if (source.kind === 'parallelGateway') {
      issues.push(
        issue(
          flow.id,
          'CONDITION_IGNORED',
          'warning',
          `Conditions leaving a parallel gateway are ignored (BPMN 2.0 §13.4.2)`,
        ),
      );
    } else if (!CONDITION_SOURCES.has(source.kind)) {
      issues.push(
        issue(
          flow.id,
          'UNSUPPORTED_ELEMENT',
          'error',
          `A conditional sequence flow leaving ${source.type} is not supported`,
        ),
      );
    }
  }
  return issues;
};

/** `bpmn:BoundaryEvent with bpmn:EscalationEventDefinition`, `bpmn:SubProcess (event subprocess)`… */
function unsupportedName(element: ElementModel): string {
  if (element.kind === 'eventSubProcess') return `${element.type} (event subprocess)`;
  const eventKind = element.kind.split(':')[1];
  if (eventKind === undefined) return element.type;
  if (eventKind === 'none') return `${element.type} without an event definition`;
  if (eventKind === 'multiple') return `${element.type} with several event definitions`;
  return `${element.type} with bpmn:${eventKind.charAt(0).toUpperCase()}${eventKind.slice(1)}EventDefinition`;
}

/**
 * Where a start event with a trigger runs: timer and message starts at process level (metadata
 * for the starter), and message, timer, signal, error and escalation starts of event subprocesses.
 */
function placeOk(model: ProcessModel, start: ElementModel): boolean {
  if (start.scopeId === model.id) return start.kind === 'startEvent:timer' || start.kind === 'startEvent:message';
  return model.elements[start.scopeId]?.kind === 'eventSubProcess';
}
