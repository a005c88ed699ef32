import { completeElement, completeScopeIfIdle } from '../runtime/lifecycle';
import { reachOutcome } from '../runtime/outcome';
import { history, removeToken } from '../runtime/run';
import { cancelToken } from '../runtime/token-cancellation';
import type { Behavior } from './behavior.types';

/**
 * Ends everything in the token's own scope (BPMN 2.0 §10.5.3): inside an embedded subprocess
 * only that subprocess instance is terminated and it then completes normally, so the parent
 * goes on; at process level the instance completes (status `completed`, as in Camunda 7 and
 * Zeebe). `instance.terminated` is kept for an explicit `cancel`. `mc:outcome` closes the dossier
 * first (runtime/outcome.ts).
 */
export const terminateEndEventBehavior: Behavior = {
  enter(run, token, element) {
    reachOutcome(run, token, element);
    completeElement(run, token, element);
    for (const other of run.state.tokens.filter((t) => t.scopeId === token.scopeId && t !== token)) {
      cancelToken(run, other);
    }
    delete run.state.joins[token.scopeId];
    removeToken(run, token);
    history(run, { type: 'scope.terminated', elementId: element.id });
    completeScopeIfIdle(run, token.scopeId);
  },
};
