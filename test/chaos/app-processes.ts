import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/** One OS process of the built app (dist/): an HTTP server with its workers off, or a worker. */
export class AppProcess {
  private child?: ChildProcess;
  /** Exits nobody asked for (a crash, not our kill -9): the chaos test fails on any. */
  readonly unexpectedExits: string[] = [];
  private killing = false;

  constructor(
    readonly name: string,
    private readonly kind: 'server' | 'worker',
    private readonly env: NodeJS.ProcessEnv,
    readonly logFile: string,
    readonly port?: number,
  ) {}

  /** The running process's id (to crash it from outside, as the test of the supervisor's count does). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const main = this.kind === 'server' ? 'dist/apps/server/src/main.js' : 'dist/apps/worker/src/main.js';
    // A worker serves its probes on `port` when given one (and is ready when /health answers), else on none.
    const own =
      this.kind === 'server'
        ? { PORT: String(this.port), RUN_WORKERS: 'false' }
        : { WORKER_PORT: String(this.port ?? 0) };
    const env = { ...process.env, ...this.env, ...own };
    const log = createWriteStream(this.logFile, { flags: 'a' });
    const child = spawn(process.execPath, [join(root, main)], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    child.on('exit', (code, signal) => {
      if (!this.killing)
        this.unexpectedExits.push(
          `${this.name} exited (${signal ?? `code ${code}`}) at ${new Date().toISOString()}, see ${this.logFile}`,
        );
    });
    this.child = child;
    this.killing = false;
    if (this.port) await this.ready();
    else await new Promise((r) => setTimeout(r, 3000));
  }

  /** GET /health answers 200 (a server: Postgres, Redis and migrations up; a worker: Postgres and Redis). */
  private async ready(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child?.exitCode !== null && this.child?.exitCode !== undefined)
        throw new Error(`${this.name} exited during start (see ${this.logFile})`);
      const ok = await fetch(`${this.url}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`${this.name} not ready after ${timeoutMs} ms (see ${this.logFile})`);
  }

  /** Starts again a process that died on its own (what a supervisor such as scripts/cluster.js does); true if it had. */
  async restartIfCrashed(): Promise<boolean> {
    const child = this.child;
    if (!child || this.killing || (child.exitCode === null && child.signalCode === null)) return false;
    await this.start();
    return true;
  }

  /** `kill -9`: no shutdown hook runs; in-flight requests and jobs are cut where they stand. */
  async kill9(): Promise<void> {
    await this.signal('SIGKILL');
  }

  async stop(): Promise<void> {
    await this.signal('SIGTERM');
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    this.killing = true;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }
}
