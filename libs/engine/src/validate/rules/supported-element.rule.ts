import { isExecutableKind } from '../../behaviors/behavior.registry';
import type { ElementModel } from '../../model/process-model.types';
import { issue, type ValidationRule } from '../validation-rule';

/** Sources whose outgoing conditions the engine evaluates (or, for parallel gateways, ignores by spec). */
const CONDITION_SOURCES = new Set(['exclusiveGateway', 'parallelGateway']);

/** Every element the engine cannot run is an error naming its id; so is a conditional flow leaving an activity. */
export const supportedElementRule: ValidationRule = (model) => {
  const issues = [];
  for (const element of Object.values(model.elements)) {
    if (!isExecutableKind(element.kind)) {
      issues.push(issue(element.id, 'UNSUPPORTED_ELEMENT', 'error', `${unsupportedName(element)} is not supported`));
    } else if (element.loop) {
      issues.push(issue(element.id, 'UNSUPPORTED_ELEMENT', 'error', `${element.loop} loop/multi-instance on ${element.type} is not supported`));
    } else if (element.kind === 'startEvent:timer' && element.scopeId !== model.id) {
      // Only a process-level timer start is metadata for the starter; inside a scope it would never fire.
      issues.push(issue(element.id, 'UNSUPPORTED_ELEMENT', 'error', `${element.type} with bpmn:TimerEventDefinition inside a subprocess is not supported`));
    }
  }
  for (const flow of Object.values(model.flows)) {
    const source = flow.sourceId ? model.elements[flow.sourceId] : undefined;
    if (flow.condition === undefined || !source || !isExecutableKind(source.kind)) continue;
    if (source.kind === 'parallelGateway') {
      issues.push(issue(flow.id, 'CONDITION_IGNORED', 'warning', `Conditions leaving a parallel gateway are ignored (BPMN 2.0 §13.4.2)`));
    } else if (!CONDITION_SOURCES.has(source.kind)) {
      issues.push(issue(flow.id, 'UNSUPPORTED_ELEMENT', 'error', `A conditional sequence flow leaving ${source.type} is not supported`));
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
