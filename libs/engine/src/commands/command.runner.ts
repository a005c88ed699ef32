import type { EngineContext, EngineResult, InstanceState } from '../engine.types';
import type { ProcessModel } from '../model/process-model.types';
import { drain } from '../runtime/agenda';
import type { Token, Wait } from '../runtime/instance-state.types';
import { beginRun, type Run } from '../runtime/run';

/** Runs one command on a copy of the state and drains the agenda: `(model, state, command) → result`. */
export function runCommand(
  model: ProcessModel,
  state: InstanceState,
  ctx: EngineContext,
  body: (run: Run) => void,
): EngineResult {
  const run = beginRun(model, state, ctx);
  body(run);
  return drain(run);
}

/** The oldest token waiting in the given way (arrays keep creation order). */
export function findWaiting<K extends Wait['kind']>(
  run: Run,
  kind: K,
  matches: (wait: Extract<Wait, { kind: K }>) => boolean,
): Token | undefined {
  return run.state.tokens.find(
    (token) => token.wait?.kind === kind && matches(token.wait as Extract<Wait, { kind: K }>),
  );
}
