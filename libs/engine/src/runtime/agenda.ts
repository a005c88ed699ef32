import { behaviorFor } from '../behaviors/behavior.registry';
import { EngineError, type EngineResult } from '../engine.types';
import type { Token } from './instance-state.types';
import { inclusiveSplit } from '../behaviors/inclusive-gateway.behavior';
import { settleInclusiveJoins } from './inclusive-join';
import { leave } from './lifecycle';
import { attachBoundaryListeners } from './listeners';
import { enterMultiInstanceBody } from './multi-instance';
import { elementOf, history, type Run } from './run';

/** Guards against a model that loops without ever waiting (e.g. a gateway cycle on a constant). */
export const MAX_STEPS_PER_COMMAND = 10_000;

/**
 * Runs the agenda until every token waits or is gone. Behaviors never call each other: they
 * queue steps, so a long path through pass-through elements is a loop, not a deep call stack.
 */
export function drain(run: Run): EngineResult {
  const { agenda } = run;
  let index = 0;
  do {
    for (; index < agenda.length && run.state.status === 'running'; index++) {
      if (index >= MAX_STEPS_PER_COMMAND) {
        throw new EngineError(
          'STEP_LIMIT_EXCEEDED',
          `More than ${MAX_STEPS_PER_COMMAND} steps in one command: the process loops without waiting`,
        );
      }
      const step = agenda[index];
      const token = run.state.tokens.find((candidate) => candidate.id === step.tokenId);
      if (!token) continue; // cancelled meanwhile (terminate, interrupting event)
      if (step.op === 'enter') enter(run, token);
      else leave(run, token);
    }
    // Inclusive joins waiting for tokens that went elsewhere may fire now; that queues more steps.
  } while (
    run.state.status === 'running' &&
    settleInclusiveJoins(run, (token, join) => inclusiveSplit(run, token, join))
  );
  return { state: run.state, effects: run.effects };
}

/** Delivers the trigger a token waits for to the behavior of its element. */
export function signal(run: Run, token: Token): void {
  const element = elementOf(run, token);
  const behavior = behaviorFor(element.kind);
  if (!behavior.signal) throw new EngineError('STATE_CORRUPT', `${element.kind} ${element.id} cannot be signalled`);
  behavior.signal(run, token, element);
}

function enter(run: Run, token: Token): void {
  const element = elementOf(run, token);
  history(run, { type: 'element.entered', elementId: element.id });
  if (element.multiInstance && !token.inner) enterMultiInstanceBody(run, token, element);
  else behaviorFor(element.kind).enter(run, token, element);
  // Boundary events listen only while their activity actually waits (on a multi-instance
  // activity: its body, never a single instance).
  if (
    element.boundaries &&
    !token.inner &&
    token.wait &&
    token.elementId === element.id &&
    run.state.tokens.includes(token)
  ) {
    attachBoundaryListeners(run, token, element);
  }
}
