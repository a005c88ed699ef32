import { behaviorFor } from '../behaviors/behavior.registry';
import { EngineError, type EngineResult } from '../engine.types';
import type { Token } from './instance-state.types';
import { leave } from './lifecycle';
import { attachBoundaryListeners } from './listeners';
import { elementOf, history, type Run } from './run';

/** Guards against a model that loops without ever waiting (e.g. a gateway cycle on a constant). */
export const MAX_STEPS_PER_COMMAND = 10_000;

/**
 * Runs the agenda until every token waits or is gone. Behaviors never call each other: they
 * queue steps, so a long path through pass-through elements is a loop, not a deep call stack.
 */
export function drain(run: Run): EngineResult {
  const { agenda } = run;
  for (let index = 0; index < agenda.length && run.state.status === 'running'; index++) {
    if (index >= MAX_STEPS_PER_COMMAND) {
      throw new EngineError('STEP_LIMIT_EXCEEDED', `More than ${MAX_STEPS_PER_COMMAND} steps in one command: the process loops without waiting`);
    }
    const step = agenda[index];
    const token = run.state.tokens.find((candidate) => candidate.id === step.tokenId);
    if (!token) continue; // cancelled meanwhile (terminate, interrupting event)
    if (step.op === 'enter') enter(run, token);
    else leave(run, token);
  }
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
  behaviorFor(element.kind).enter(run, token, element);
  // Boundary events listen only while their activity actually waits.
  if (element.boundaries && token.wait && token.elementId === element.id && run.state.tokens.includes(token)) {
    attachBoundaryListeners(run, token, element);
  }
}
