import { leave } from '../runtime/lifecycle';
import type { Behavior } from './behavior.types';

/** Signal intermediate catch: waits until a signal of that name is thrown in the instance or delivered by `Engine.signal`. */
export const signalCatchEventBehavior: Behavior = {
  enter(run, token, element) {
    token.wait = { kind: 'signal', name: element.event?.signalName ?? '' };
  },
  signal(run, token) {
    leave(run, token);
  },
};
