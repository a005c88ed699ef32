import { leave } from '../runtime/lifecycle';
import { history } from '../runtime/run';
import type { Behavior } from './behavior.types';

/**
 * A send task with a `messageRef` (and no worker topic): it sends its message and completes at
 * once (BPMN 2.0.2 §10.3.3: the task completes once the message is sent). Sending is an effect,
 * `message.sent`; delivering it to another instance or a message start is the persistence
 * layer's job, through the same correlation as a message from outside.
 */
export const messageSendBehavior: Behavior = {
  enter(run, token, element) {
    const messageName = element.event?.messageName ?? '';
    run.effects.push({ type: 'message.sent', elementId: element.id, messageName, variables: {} });
    history(run, { type: 'message.sent', elementId: element.id, data: { messageName } });
    leave(run, token);
  },
};
