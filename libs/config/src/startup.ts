import { redactSecrets } from './config';
import { ConfigError } from './kinds';

/** A dependency the start needs is missing (Postgres, Redis): the message is one line for the operator. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}

/**
 * The one line a failed start prints on stderr, secrets removed. A bad setting or an unreachable
 * dependency is the operator's to fix: the line says what, without a stack. Anything else is a
 * defect and keeps its stack (still redacted).
 */
export function startupFailureText(error: unknown, env: NodeJS.ProcessEnv = process.env): string {
  let text: string;
  if (error instanceof ConfigError) text = `Refusing to start: ${error.message}`;
  else if (error instanceof StartupError) text = `Cannot start: ${error.message}`;
  else if (error instanceof Error) text = `Start failed: ${error.stack ?? error.message}`;
  else text = `Start failed: ${String(error)}`;
  return redactSecrets(text, env);
}

/** Prints {@link startupFailureText} and exits with status 1. */
export function failStart(error: unknown, env: NodeJS.ProcessEnv = process.env): never {
  process.stderr.write(`${startupFailureText(error, env)}\n`);
  process.exit(1);
}

/**
 * Until the process is up, SIGTERM and SIGINT end it at once (status 143/130): nothing is served
 * yet, and a start waiting for Postgres or Redis must not ignore its orchestrator. The returned
 * function removes the handlers; the app's own graceful shutdown hooks take over from there.
 */
export function exitOnSignalWhileStarting(what: string): () => void {
  const handlers = (['SIGTERM', 'SIGINT'] as const).map((signal) => {
    const handler = () => {
      process.stderr.write(`${what} stopped by ${signal} during start-up\n`);
      process.exit(signal === 'SIGTERM' ? 143 : 130);
    };
    process.on(signal, handler);
    return () => process.off(signal, handler);
  });
  return () => handlers.forEach((remove) => remove());
}

/**
 * Once up, SIGTERM/SIGINT start the app's graceful close (Nest's shutdown hooks); if it has not
 * ended the process within `graceMs` (a queue waiting for a Redis that is away), the process exits
 * anyway with one line and status 1: SIGTERM always ends it.
 */
export function exitAfterGrace(what: string, graceMs: number): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        process.stderr.write(`${what} did not close within ${graceMs} ms of ${signal} (SHUTDOWN_GRACE_MS): exiting\n`);
        process.exit(1);
      }, graceMs).unref();
    });
  }
}
