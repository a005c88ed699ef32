import { signal } from './agenda';
import type { Token } from './instance-state.types';
import type { Run } from './run';

/** Every token of this instance waiting for the signal, oldest first (a signal wakes them all). */
export function signalSubscribers(run: Run, signalName: string): Token[] {
  return run.state.tokens.filter((token) => token.wait?.kind === 'signal' && token.wait.name === signalName);
}

/**
 * Triggers the given subscribers, skipping any that an earlier one cancelled (an interrupting
 * boundary, the other branch of an event-based gateway).
 */
export function deliverSignal(run: Run, subscribers: readonly Token[]): void {
  for (const token of subscribers) {
    if (run.state.tokens.includes(token) && token.wait?.kind === 'signal') signal(run, token);
  }
}
