import { leave } from '../runtime/lifecycle';
import type { Behavior } from './behavior.types';

/**
 * Elements with nothing to do at run time: none start, timer start (the process starter fired
 * it), none intermediate throw, manual task (history only) and the untyped bpmn:Task, which
 * Camunda 7 and 8 also run as a pass-through.
 */
export const passThroughBehavior: Behavior = {
  enter(run, token) {
    leave(run, token);
  },
};
