import { EngineError } from '../engine.types';
import { startEventSubProcess } from '../runtime/event-sub-process';
import { removeToken } from '../runtime/run';
import { rescheduleCycle } from '../runtime/timer-job';
import type { Behavior } from './behavior.types';

/**
 * Event subprocess, signalled through the listener of its message, timer or signal start (error
 * and escalation starts are reached by propagation). Interrupting: the listener is spent and the
 * enclosing scope's other work is cancelled. Non-interrupting: the listener stays for the next
 * message or signal, or the next repetition of a timer cycle.
 */
export const eventSubProcessBehavior: Behavior = {
  enter(run, token, eventSub) {
    throw new EngineError(
      'STATE_CORRUPT',
      `Event subprocess ${eventSub.id} has no incoming flow: token ${token.id} cannot enter it`,
    );
  },
  signal(run, listener, eventSub) {
    const start = run.model.elements[eventSub.startEventId ?? ''];
    const interrupting = start?.interrupting !== false;
    const fired = listener.wait;
    delete listener.wait; // it has fired: nothing left to cancel
    const next = interrupting ? null : fired?.kind === 'timer' ? rescheduleCycle(run, start, fired.remaining) : fired;
    if (next) listener.wait = next;
    else removeToken(run, listener);
    startEventSubProcess(run, listener.scopeId, eventSub, interrupting);
  },
};
