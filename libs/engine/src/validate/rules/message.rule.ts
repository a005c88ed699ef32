import { isExecutableKind } from '../../behaviors/behavior.registry';
import { issue, type ValidationRule } from '../validation-rule';

/** Catching message events and receive tasks correlate by message name: it must be there. */
export const messageRule: ValidationRule = (model) =>
  Object.values(model.elements)
    .filter(
      (element) => element.event?.kind === 'message' && isExecutableKind(element.kind) && !element.event.messageName,
    )
    .map((element) =>
      issue(element.id, 'MESSAGE_MISSING', 'error', `${element.type} ${element.id} names no bpmn:Message with a name`),
    );
