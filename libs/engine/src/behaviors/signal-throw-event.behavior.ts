import { leave } from '../runtime/lifecycle';
import { history } from '../runtime/run';
import { deliverSignal, signalSubscribers } from '../runtime/signal-delivery';
import type { Behavior } from './behavior.types';

/**
 * Signal intermediate throw and end: wakes every subscription of this instance waiting at the
 * moment of the throw, and emits `signal.thrown` so the persistence layer may broadcast it to
 * the other instances waiting for it (not back to this one: it has been delivered here).
 */
export const signalThrowEventBehavior: Behavior = {
  enter(run, token, element) {
    const signalName = element.event?.signalName ?? '';
    const subscribers = signalSubscribers(run, signalName);
    run.effects.push({ type: 'signal.thrown', signalName, variables: {} });
    history(run, { type: 'signal.thrown', elementId: element.id, data: { signalName } });
    leave(run, token, element.kind.startsWith('endEvent') ? [] : undefined);
    deliverSignal(run, subscribers);
  },
};
