#!/usr/bin/env node
// `npm run start:cluster -- --servers 2 --workers 2`: N HTTP servers sharing PORT (node:cluster,
// the primary hands connections round-robin) with their workers off, and M worker processes
// (apps/worker: BullMQ processors + reconciler), all on one Postgres and one Redis (DESIGN §3).
// Migrations run once first. A process that dies is restarted (after 1 s, then backing off to
// 30 s while it keeps dying); SIGTERM or SIGINT stops everything gracefully: each process gets
// SIGTERM, closes its HTTP server, queues and pools, and is killed only after SHUTDOWN_TIMEOUT_MS.
// See docs/operations.md.
const cluster = require('node:cluster');
const { execFileSync, fork } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const serverMain = join(root, 'dist/apps/server/src/main.js');
const workerMain = join(root, 'dist/apps/worker/src/main.js');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return Number(i > 0 ? process.argv[i + 1] : (process.env[name.toUpperCase().replace(/-/g, '_')] ?? fallback));
}

const SERVERS = option('servers', 2);
const WORKERS = option('workers', 1);
const SHUTDOWN_TIMEOUT_MS = option('shutdown-timeout-ms', 30_000);
// Worker n (from 1) serves /health and /metrics on WORKER_PORT + n - 1 (0: none).
const WORKER_PORT = option('worker-port', 3001);

if (cluster.isPrimary) primary();
else require(serverMain);

function log(message) {
  console.log(`[cluster ${new Date().toISOString()}] ${message}`);
}

function primary() {
  if (!existsSync(serverMain)) execFileSync('npm', ['run', 'build:server'], { cwd: root, stdio: 'inherit' });
  try {
    execFileSync(process.execPath, [join(root, 'dist/libs/database/src/migrate.js')], { cwd: root, stdio: 'inherit' });
  } catch (error) {
    // The migration runner printed its one line (a bad setting, an unreachable database): no stack here.
    process.exit(error.status ?? 1);
  }

  let stopping = false;
  const children = new Set();
  const failures = new Map();

  /** Starts one process of `kind` in `slot`, and restarts it when it dies unless we are stopping. */
  function start(kind, slot) {
    const child =
      kind === 'server'
        ? cluster.fork({ RUN_WORKERS: 'false', CLUSTER_SLOT: String(slot) }).process
        : fork(workerMain, [], {
            cwd: root,
            env: {
              ...process.env,
              CLUSTER_SLOT: String(slot),
              WORKER_PORT: String(WORKER_PORT && WORKER_PORT + slot - 1),
            },
          });
    const startedAt = Date.now();
    children.add(child);
    log(`${kind} ${slot} started (pid ${child.pid})`);
    child.on('exit', (code, signal) => {
      children.delete(child);
      if (stopping) return;
      // A process that lived a minute is healthy again: its back-off starts over.
      const key = `${kind}:${slot}`;
      const failed = Date.now() - startedAt < 60_000 ? (failures.get(key) ?? 0) + 1 : 1;
      failures.set(key, failed);
      const delay = Math.min(30_000, 1000 * 2 ** (failed - 1));
      log(`${kind} ${slot} (pid ${child.pid}) exited (${signal ?? code}); restarting in ${delay} ms`);
      setTimeout(() => stopping || start(kind, slot), delay);
    });
  }

  function stop(signal) {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping ${children.size} processes`);
    for (const child of children) child.kill('SIGTERM');
    const deadline = setTimeout(() => {
      for (const child of children) {
        log(`pid ${child.pid} did not stop in ${SHUTDOWN_TIMEOUT_MS} ms: SIGKILL`);
        child.kill('SIGKILL');
      }
    }, SHUTDOWN_TIMEOUT_MS);
    const poll = setInterval(() => {
      if (children.size > 0) return;
      clearInterval(poll);
      clearTimeout(deadline);
      log('all processes stopped');
      process.exit(0);
    }, 100);
  }

  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  log(`${SERVERS} servers on port ${process.env.PORT ?? 3000}, ${WORKERS} workers`);
  for (let i = 1; i <= SERVERS; i++) start('server', i);
  for (let i = 1; i <= WORKERS; i++) start('worker', i);
}
