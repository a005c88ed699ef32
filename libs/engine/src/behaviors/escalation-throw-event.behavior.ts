import { catchEscalation, escalationInterrupts, findEscalationCatch } from '../runtime/error-propagation';
import { leave } from '../runtime/lifecycle';
import { history, removeToken } from '../runtime/run';
import type { Behavior } from './behavior.types';

/**
 * Escalation intermediate throw and end (BPMN 2.0 §10.5.4): propagates outward like an error to
 * the nearest matching escalation boundary or event subprocess. Interrupting, it ends the activity with the thrower
 * inside; non-interrupting, both go on. Unlike an error, an uncaught escalation is no failure:
 * it is recorded (`escalation.uncaught`, which the caller of a called instance hands to its call
 * activity: `Engine.escalateCall`) and the thrower goes on.
 */
export const escalationThrowEventBehavior: Behavior = {
  enter(run, token, element) {
    const escalationCode = element.event?.escalationCode;
    const isEnd = element.kind.startsWith('endEvent');
    const caught = findEscalationCatch(run, token, escalationCode);
    const catcher = caught?.boundary ?? caught?.eventSubProcess;
    history(run, {
      type: catcher ? 'escalation.caught' : 'escalation.uncaught',
      elementId: catcher?.id ?? element.id,
      data: { escalationCode, thrownBy: element.id },
    });
    if (caught && escalationInterrupts(run, caught)) {
      history(run, { type: 'element.completed', elementId: element.id });
      removeToken(run, token);
    } else {
      leave(run, token, isEnd ? [] : undefined);
    }
    if (caught) catchEscalation(run, caught);
  },
};
