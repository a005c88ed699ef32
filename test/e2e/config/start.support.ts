import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from '../../support/test-env';

const root = join(__dirname, '..', '..', '..');
export const SERVER_MAIN = join(root, 'dist/apps/server/src/main.js');
export const WORKER_MAIN = join(root, 'dist/apps/worker/src/main.js');
export const MIGRATE_MAIN = join(root, 'dist/libs/database/src/migrate.js');
/** `npm start`: migrates, then serves. */
export const NPM_START = join(root, 'scripts/start.js');

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Non-empty lines of stdout and stderr together. */
  lines: string[];
}

/** The built entry point must exist: `npm test` builds first; by hand, `npm run build:server`. */
export function assertBuilt(): void {
  if (!existsSync(SERVER_MAIN)) throw new Error('dist/ is missing: run `npm run build:server` before these specs');
}

/**
 * Runs a built entry point with only `env` (plus PATH and the test database and Redis unless
 * overridden) and waits for it to exit; `whileRunning` may signal it.
 */
export function runBuilt(
  main: string,
  env: Record<string, string>,
  whileRunning?: (pid: number) => void,
): Promise<Run> {
  const child = spawn(process.execPath, [main], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: TEST_DATABASE_URL,
      REDIS_URL: TEST_REDIS_URL,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  if (whileRunning) whileRunning(child.pid!);
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      const lines = `${stdout}\n${stderr}`.split('\n').filter((line) => line.trim() !== '');
      resolve({ code, signal, stdout, stderr, lines });
    });
  });
}
