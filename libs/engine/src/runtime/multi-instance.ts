import { EngineError } from '../engine.types';
import { evaluateCondition, evaluateExpression } from '../feel/feel-expression';
import { diagramLimits } from '../limits/diagram-limits';
import type { ElementModel, MultiInstanceSpec } from '../model/process-model.types';
import { raiseIncident } from './incident';
import type { ScopeInstance, Token } from './instance-state.types';
import { completeElement } from './lifecycle';
import { createToken, elementOf, findToken, history, removeToken, type Run } from './run';
import { scopeVariables } from './scope-variables';
import { cancelToken } from './token-cancellation';

/**
 * Multi-instance activities, as Camunda's "multi-instance body": the activity's token waits on a
 * body scope (which holds the `nrOf…` counters and is what boundary events sit on); each
 * instance runs in its own child scope holding `loopCounter` and the element variable, with an
 * `inner` token on the activity itself. Parallel starts all instances at once, sequential one
 * after the other. Interrupting the body (boundary event, error, terminate) cancels them all.
 */
export function enterMultiInstanceBody(run: Run, token: Token, element: ElementModel): void {
  const spec = element.multiInstance as MultiInstanceSpec;
  const items = instanceItems(run, token, element, spec);
  if (items === undefined) return;
  const total = typeof items === 'number' ? items : items.length;
  const body: ScopeInstance = {
    id: run.ctx.newId(),
    elementId: element.id,
    parentId: token.scopeId,
    hostTokenId: token.id,
    variables: { nrOfInstances: total, nrOfActiveInstances: 0, nrOfCompletedInstances: 0 },
    multi: { items: typeof items === 'number' ? null : items, total, next: 0, completed: 0, outputs: [] },
  };
  history(run, {
    type: 'multiInstance.started',
    elementId: element.id,
    data: { instances: total, sequential: spec.sequential },
  });
  if (total === 0) {
    if (spec.outputCollection) run.state.variables[spec.outputCollection] = [];
    run.agenda.push({ op: 'leave', tokenId: token.id });
    return;
  }
  run.state.scopes.push(body);
  token.wait = { kind: 'scope', ref: body.id };
  const starting = spec.sequential ? 1 : total;
  for (let count = 0; count < starting; count++) startInstance(run, body, element);
}

/** An instance's token left the activity: record its output, then start the next or finish the body. */
export function completeInnerInstance(run: Run, inner: Token): void {
  const element = elementOf(run, inner);
  const spec = element.multiInstance as MultiInstanceSpec;
  completeElement(run, inner, element);
  const instance = scopeOf(run, inner.scopeId);
  const body = scopeOf(run, instance.parentId ?? '');
  const progress = body.multi!;
  const counters = body.variables!;
  const index = (instance.variables!.loopCounter as number) - 1;
  if (spec.outputElement) {
    const output = evaluateExpression(spec.outputElement, scopeVariables(run, instance.id));
    progress.outputs[index] = output.ok ? output.value : null;
  }
  progress.completed++;
  counters.nrOfCompletedInstances = progress.completed;
  counters.nrOfActiveInstances = (counters.nrOfActiveInstances as number) - 1;
  let done = progress.completed === progress.total;
  if (!done && spec.completionCondition) {
    const result = evaluateCondition(spec.completionCondition, scopeVariables(run, instance.id));
    if (!result.ok) {
      raiseIncident(
        run,
        inner,
        result.code ?? 'FEEL_EVALUATION_FAILED',
        `Completion condition of ${element.id}: ${result.error}`,
      );
      return;
    }
    done = result.value;
  }
  removeToken(run, inner);
  run.state.scopes = run.state.scopes.filter((scope) => scope !== instance);
  if (done) finishBody(run, body, element, spec);
  else if (spec.sequential && progress.next < progress.total) startInstance(run, body, element);
}

function startInstance(run: Run, body: ScopeInstance, element: ElementModel): void {
  const progress = body.multi!;
  const index = progress.next++;
  const variables: Record<string, unknown> = { loopCounter: index + 1 };
  const elementVariable = element.multiInstance?.elementVariable;
  if (elementVariable && progress.items) variables[elementVariable] = progress.items[index];
  const scopeId = run.ctx.newId();
  run.state.scopes.push({ id: scopeId, elementId: element.id, parentId: body.id, hostTokenId: null, variables });
  body.variables!.nrOfActiveInstances = (body.variables!.nrOfActiveInstances as number) + 1;
  const token = createToken(run, { elementId: element.id, scopeId, inner: true });
  run.agenda.push({ op: 'enter', tokenId: token.id });
}

/** All done, or the completion condition held: cancel what still runs, collect, and let the activity leave. */
function finishBody(run: Run, body: ScopeInstance, element: ElementModel, spec: MultiInstanceSpec): void {
  const running = run.state.scopes.filter((scope) => scope.parentId === body.id);
  for (const instance of running) {
    for (const token of run.state.tokens.filter((candidate) => candidate.scopeId === instance.id))
      cancelToken(run, token);
  }
  run.state.scopes = run.state.scopes.filter((scope) => scope !== body && !running.includes(scope));
  if (spec.outputCollection)
    run.state.variables[spec.outputCollection] = body.multi!.outputs.map((value) => value ?? null);
  history(run, {
    type: 'multiInstance.completed',
    elementId: element.id,
    data: { completed: body.multi!.completed, cancelled: running.length },
  });
  const host = findToken(run, body.hostTokenId);
  if (host) run.agenda.push({ op: 'leave', tokenId: host.id });
}

/** The items to iterate, or a count; undefined after raising an incident. */
function instanceItems(
  run: Run,
  token: Token,
  element: ElementModel,
  spec: MultiInstanceSpec,
): unknown[] | number | undefined {
  const variables = scopeVariables(run, token.scopeId);
  const expression = spec.collection ?? spec.cardinality ?? '';
  const result = evaluateExpression(expression, variables);
  if (!result.ok) {
    raiseIncident(run, token, result.code ?? 'FEEL_EVALUATION_FAILED', `Multi-instance ${element.id}: ${result.error}`);
    return undefined;
  }
  const count =
    spec.collection !== undefined
      ? Array.isArray(result.value)
        ? result.value.length
        : null
      : Number.isInteger(result.value) && (result.value as number) >= 0
        ? (result.value as number)
        : null;
  const { maxCardinality } = diagramLimits(run.ctx.limits);
  if (count !== null && count > maxCardinality) {
    raiseIncident(
      run,
      token,
      'MULTI_INSTANCE_CARDINALITY_TOO_LARGE',
      `Multi-instance ${element.id}: ${count} instances asked, at most ${maxCardinality} allowed`,
    );
    return undefined;
  }
  if (count !== null) return spec.collection !== undefined ? (result.value as unknown[]) : count;
  raiseIncident(
    run,
    token,
    'MULTI_INSTANCE_INVALID',
    `Multi-instance ${element.id}: '${expression}' gave ${JSON.stringify(result.value)}, not a ${spec.collection ? 'list' : 'count'}`,
  );
  return undefined;
}

function scopeOf(run: Run, scopeId: string): ScopeInstance {
  const scope = run.state.scopes.find((candidate) => candidate.id === scopeId);
  if (!scope) throw new EngineError('STATE_CORRUPT', `Multi-instance scope ${scopeId} is gone`);
  return scope;
}
