import type { InstanceState } from '../engine.types';
import type { EngineState } from '../runtime/instance-state.types';

/** The message names the instance waits for now, each once (the persistence layer indexes them). */
export function waitingMessages(state: InstanceState): string[] {
  const names = new Set<string>();
  for (const token of (state as EngineState).tokens ?? []) {
    if (token.wait?.kind === 'message') names.add(token.wait.name);
  }
  return [...names];
}

/** The signal names the instance waits for now, each once (for broadcasting `signal.thrown`). */
export function waitingSignals(state: InstanceState): string[] {
  const names = new Set<string>();
  for (const token of (state as EngineState).tokens ?? []) {
    if (token.wait?.kind === 'signal') names.add(token.wait.name);
  }
  return [...names];
}
