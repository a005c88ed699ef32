import { isExecutableKind } from '../../behaviors/behavior.registry';
import { issue, type ValidationRule } from '../validation-rule';

/** Signal events are matched by the signal's name, so it must be there (escalation codes may be omitted on a catch). */
export const signalRule: ValidationRule = (model) =>
  Object.values(model.elements)
    .filter(
      (element) => element.event?.kind === 'signal' && isExecutableKind(element.kind) && !element.event.signalName,
    )
    .map((element) =>
      issue(element.id, 'SIGNAL_MISSING', 'error', `${element.type} ${element.id} names no bpmn:Signal`),
    );
