import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const root = join(__dirname, '..', '..');

/** The built server as its own process (so the load generator does not share its event loop). */
export interface ServerProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface StartOptions {
  /** Flags for node before the script (`--cpu-prof`). */
  nodeArgs?: string[];
  /** Each line the server writes on stdout (otherwise discarded). */
  onStdout?: (line: string) => void;
}

/**
 * Starts dist/apps/server on `databaseUrl` with its workers off (the generated database has
 * ~1,000,000 pending deadline jobs: a benchmark must not enqueue them) and the public lookup
 * limit raised so the benchmark measures the lookup, not the 429 path.
 */
export async function startServer(
  databaseUrl: string,
  env: NodeJS.ProcessEnv = {},
  options: StartOptions = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), join(root, 'dist/apps/server/src/main.js')],
    {
      cwd: root,
      stdio: ['ignore', options.onStdout ? 'pipe' : 'ignore', 'inherit'],
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/11',
        QUEUE_PREFIX: `bench-size-${process.pid}`,
        THROTTLE_PREFIX: `bench-size-${process.pid}`,
        RUN_WORKERS: 'false',
        JWT_SECRET: process.env.JWT_SECRET ?? 'bench-only-secret',
        LOOKUP_RATE_LIMIT: '1000000000',
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
        PORT: String(port),
        ...env,
      },
    },
  );
  if (options.onStdout) createInterface({ input: child.stdout! }).on('line', options.onStdout);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (
      await fetch(`${url}/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** `{accessToken}` of a generated or demo account (password `DEMO_PASSWORD`, default `motcua-demo`). */
export async function login(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: process.env.DEMO_PASSWORD ?? 'motcua-demo' }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux). */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /, '')
    .split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ 100)
}
