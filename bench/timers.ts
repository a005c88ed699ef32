/**
 * `npm run bench:timers`: 100,000 pending timers (BENCH_TIMERS) — Redis memory and process RSS,
 * firing lag p50/p99 of timers due over a 20 s window (BENCH_WINDOW_MS), and the time to restore
 * every timer after FLUSHDB — beside raw BullMQ delayed jobs without the engine (the floor), in
 * one run. Uses its own database and Redis db (BENCH_TIMERS_DATABASE_URL, BENCH_TIMERS_REDIS_URL,
 * default db 6), which it flushes. Results go to stdout and bench/out/timers.json.
 */
import 'reflect-metadata';
import { Redis } from 'ioredis';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../apps/server/src/app.factory';
import { seedDemo } from '../apps/server/src/seed/demo.seed';
import { redisOptions } from '../libs/database/src';
import { runMigrations, recreateDatabase } from '../libs/database/src/migrate';
import { engineTimers } from './lib/engine-timers.bench';
import { rawBullmqTimers } from './lib/raw-bullmq-timers.bench';
import { mib } from './lib/timer-stats';

const root = join(__dirname, '..', '..');
const TIMERS = Number(process.env.BENCH_TIMERS ?? 100_000);
const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS ?? 20_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const DATABASE_URL = process.env.BENCH_TIMERS_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/motcua_bench_timers';
const REDIS_URL = process.env.BENCH_TIMERS_REDIS_URL ?? 'redis://127.0.0.1:6379/6';

async function main() {
  process.env.DATABASE_URL = DATABASE_URL;
  process.env.REDIS_URL = REDIS_URL;
  process.env.QUEUE_PREFIX = `bench-timers-${Date.now()}`;
  process.env.JWT_SECRET ??= 'bench-only-secret';
  process.env.DB_POOL_SIZE ??= String(CONCURRENCY);
  process.env.JOB_CONCURRENCY ??= String(CONCURRENCY);
  // The bench triggers restores itself; the periodic pass would only blur the measurement.
  process.env.RECONCILE_INTERVAL_MS ??= '600000';
  const redis = new Redis(REDIS_URL);
  await redis.flushdb();
  console.log(
    `timers=${TIMERS} window=${WINDOW_MS} ms concurrency=${CONCURRENCY} cpus=${cpus().length} (${cpus()[0]?.model}) mem=${Math.round(totalmem() / 2 ** 30)} GiB`,
  );

  const raw = await rawBullmqTimers(redisOptions() as { host: string; port: number; db: number }, redis, {
    timers: TIMERS,
    windowMs: WINDOW_MS,
    concurrency: CONCURRENCY,
  });
  console.log(
    `raw BullMQ: redis +${mib(raw.redisBytes)}, lag p50 ${raw.lagMs.p50} ms p99 ${raw.lagMs.p99} ms max ${raw.lagMs.max} ms, re-add after flush ${raw.restoreSeconds.toFixed(2)} s`,
  );
  await redis.flushdb();

  await recreateDatabase(DATABASE_URL);
  await runMigrations();
  const app = await createApp();
  await seedDemo(app);
  const engine = await engineTimers(app, redis, { timers: TIMERS, windowMs: WINDOW_MS, concurrency: CONCURRENCY });
  console.log(
    `motcua: ${TIMERS} starts in ${engine.startSeconds.toFixed(1)} s; redis +${mib(engine.redisBytes)}, process RSS ${mib(engine.rssBytes)}; ` +
      `restore after FLUSHDB ${engine.restoreSeconds.toFixed(2)} s (again ${engine.restoreBeforeFiringSeconds.toFixed(2)} s); ` +
      `lag p50 ${engine.lagMs.p50.toFixed(0)} ms p99 ${engine.lagMs.p99.toFixed(0)} ms max ${engine.lagMs.max.toFixed(0)} ms; all fired ${engine.firingSeconds.toFixed(1)} s after the first was due`,
  );
  await app.close();
  redis.disconnect();
  mkdirSync(join(root, 'bench/out'), { recursive: true });
  writeFileSync(
    join(root, 'bench/out/timers.json'),
    JSON.stringify({ at: new Date().toISOString(), timers: TIMERS, windowMs: WINDOW_MS, raw, engine }, null, 2),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
