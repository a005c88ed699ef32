import type { Run } from './run';

/**
 * The variables visible in a scope instance: the instance's, overlaid by the local variables of
 * each enclosing scope from the outside in (multi-instance `loopCounter`, the input element…).
 * Without local variables on the way (the common case) it is the instance map itself, uncopied.
 */
export function scopeVariables(run: Run, scopeId: string): Record<string, unknown> {
  const layers: Array<Record<string, unknown>> = [];
  for (let id: string | null = scopeId; id !== null;) {
    const scope = run.state.scopes.find((candidate) => candidate.id === id);
    if (!scope) break;
    if (scope.variables) layers.push(scope.variables);
    id = scope.parentId;
  }
  if (layers.length === 0) return run.state.variables;
  return Object.assign({}, run.state.variables, ...layers.reverse());
}
