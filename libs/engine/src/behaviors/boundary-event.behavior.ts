import { EngineError } from '../engine.types';
import { removeListener } from '../runtime/listeners';
import { rescheduleCycle } from '../runtime/timer-job';
import { leave } from '../runtime/lifecycle';
import { createToken, findToken, history } from '../runtime/run';
import { cancelToken } from '../runtime/token-cancellation';
import type { Behavior } from './behavior.types';

/**
 * Message and timer boundary events, signalled through their listener token. Interrupting:
 * the activity (and everything inside it) is cancelled. Non-interrupting: the activity goes on
 * and the listener keeps listening — for further messages, or for the next repetition of a
 * timer cycle. Either way a new token leaves the boundary event. Error boundaries are reached
 * by error propagation and only ever `enter`.
 */
export const boundaryEventBehavior: Behavior = {
  enter(run, token) {
    leave(run, token);
  },
  signal(run, listener, boundary) {
    const host = findToken(run, listener.hostId);
    if (!host) throw new EngineError('STATE_CORRUPT', `Boundary listener ${listener.id} has no activity`);
    const fired = listener.wait;
    delete listener.wait; // its job has fired: nothing left to cancel
    if (boundary.cancelActivity !== false) {
      cancelToken(run, host);
    } else {
      const next = fired?.kind === 'timer' ? rescheduleCycle(run, boundary, fired.remaining) : fired;
      if (next) listener.wait = next;
      else removeListener(run, listener);
    }
    const token = createToken(run, { elementId: boundary.id, scopeId: listener.scopeId });
    history(run, { type: 'element.entered', elementId: boundary.id });
    run.agenda.push({ op: 'leave', tokenId: token.id });
  },
};
