import type { Token } from './instance-state.types';
import { findToken, history, removeToken, type Run } from './run';

/**
 * Cancels a token with everything hanging on it: its listeners and, for a subprocess, every
 * token of its scope, nested scopes included. Iterative (a worklist), whatever the nesting.
 */
export function cancelToken(run: Run, token: Token): void {
  const pending: Token[] = [token];
  for (let current = pending.pop(); current; current = pending.pop()) {
    if (!removeToken(run, current)) continue;
    for (const listenerId of current.listeners ?? []) {
      const listener = findToken(run, listenerId);
      if (listener) pending.push(listener);
    }
    if (current.wait?.kind === 'scope') {
      // The scope and the scopes without a host token of their own under it (multi-instance instances).
      const scopeIds = new Set([current.wait.ref]);
      for (const scope of run.state.scopes) {
        if (scope.parentId !== null && scopeIds.has(scope.parentId) && scope.hostTokenId === null)
          scopeIds.add(scope.id);
      }
      pending.push(...run.state.tokens.filter((inner) => scopeIds.has(inner.scopeId)));
      run.state.scopes = run.state.scopes.filter((scope) => !scopeIds.has(scope.id));
      for (const scopeId of scopeIds) delete run.state.joins[scopeId];
    }
    releaseWait(run, current);
    if (!current.hostId) history(run, { type: 'element.cancelled', elementId: current.elementId });
  }
}

/** Tells the outside world that what the token waited on is void: the task, the job or the called instance. */
export function releaseWait(run: Run, token: Token): void {
  const wait = token.wait;
  delete token.wait;
  if (wait?.kind === 'task') {
    run.effects.push({ type: 'task.cancelled', taskId: wait.ref });
    history(run, { type: 'task.cancelled', elementId: token.elementId, taskId: wait.ref });
  } else if (wait?.kind === 'job' || wait?.kind === 'timer') {
    run.effects.push({ type: 'job.cancelled', jobId: wait.ref });
  } else if (wait?.kind === 'call') {
    run.effects.push({ type: 'call.cancelled', callId: wait.ref });
    history(run, { type: 'call.cancelled', elementId: token.elementId, data: { callId: wait.ref } });
  }
}
