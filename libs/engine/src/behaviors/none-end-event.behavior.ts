import { leave } from '../runtime/lifecycle';
import { reachOutcome } from '../runtime/outcome';
import type { Behavior } from './behavior.types';

/** Consumes the token; the scope completes when it was the last one running. `mc:outcome` closes the dossier first. */
export const noneEndEventBehavior: Behavior = {
  enter(run, token, element) {
    reachOutcome(run, token, element);
    leave(run, token, []);
  },
};
