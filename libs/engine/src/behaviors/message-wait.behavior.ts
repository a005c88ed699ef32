import { leave } from '../runtime/lifecycle';
import type { Behavior } from './behavior.types';

/** Receive task and message intermediate catch: wait until correlateMessage names the message. */
export const messageWaitBehavior: Behavior = {
  enter(run, token, element) {
    token.wait = { kind: 'message', name: element.event?.messageName ?? '' };
  },
  signal(run, token) {
    leave(run, token);
  },
};
