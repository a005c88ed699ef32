import { leave } from '../runtime/lifecycle';
import type { Behavior } from './behavior.types';

/** Consumes the token; the scope completes when it was the last one running. */
export const noneEndEventBehavior: Behavior = {
  enter(run, token) {
    leave(run, token, []);
  },
};
