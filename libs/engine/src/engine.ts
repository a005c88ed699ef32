import { cancel } from './commands/cancel.command';
import { completeCall } from './commands/complete-call.command';
import { failCall } from './commands/fail-call.command';
import { escalateCall } from './commands/escalate-call.command';
import { completeJob } from './commands/complete-job.command';
import { completeTask } from './commands/complete-task.command';
import { correlateMessage } from './commands/correlate-message.command';
import { fireTimer } from './commands/fire-timer.command';
import { start } from './commands/start.command';
import { throwError } from './commands/throw-error.command';
import { signal } from './commands/signal.command';
import { waitingMessages, waitingSignals } from './commands/waiting-messages.query';

/**
 * The runtime facade (DESIGN §2, stage 3). Every command is pure:
 * `(model, state, command, ctx) → { state, effects }`; the input state is never changed, time
 * comes from ctx.clock and ids from ctx.newId. Failures throw EngineError with a stable code.
 */
export const Engine = {
  start,
  completeTask,
  completeJob,
  throwError,
  fireTimer,
  correlateMessage,
  signal,
  completeCall,
  failCall,
  escalateCall,
  cancel,
  waitingMessages,
  waitingSignals,
} as const;
