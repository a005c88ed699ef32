import { leave } from '../runtime/lifecycle';
import { scheduleTimer } from '../runtime/timer-job';
import type { Behavior } from './behavior.types';

/** Timer intermediate catch: schedules its timer job and waits for fireTimer. */
export const timerCatchEventBehavior: Behavior = {
  enter(run, token, element) {
    token.wait = scheduleTimer(run, element);
  },
  signal(run, token) {
    leave(run, token);
  },
};
