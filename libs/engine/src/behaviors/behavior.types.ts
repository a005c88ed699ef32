import type { ElementModel } from '../model/process-model.types';
import type { Token } from '../runtime/instance-state.types';
import type { Run } from '../runtime/run';

/**
 * What one element type does (as Camunda's ActivityBehavior). The lifecycle around it (history,
 * boundary subscriptions, leaving by flows, scope completion) lives once in runtime/.
 */
export interface Behavior {
  /** A token arrives: wait (set `token.wait`) or move on with `leave`. */
  enter(run: Run, token: Token, element: ElementModel): void;
  /** What the token waits for has happened: task completed, job done, message or timer arrived. */
  signal?(run: Run, token: Token, element: ElementModel): void;
}
