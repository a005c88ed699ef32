import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { percentile, redisUsedBytes } from './timer-stats';

export interface RawTimersResult {
  timers: number;
  redisBytes: number;
  lagMs: { p50: number; p99: number; max: number };
  restoreSeconds: number;
}

/**
 * The floor: `timers` plain BullMQ delayed jobs (no database, no engine), due over a
 * `windowMs` window, on a worker that records only when each arrived; then the time to add them
 * all again after FLUSHDB from an in-memory list.
 */
export async function rawBullmqTimers(
  connection: { host: string; port: number; db: number },
  redis: Redis,
  options: { timers: number; windowMs: number; concurrency: number },
): Promise<RawTimersResult> {
  const prefix = `bench-raw-${Date.now()}`;
  const queue = new Queue('raw-timers', { connection, prefix });
  const before = await redisUsedBytes(redis);
  const lags: number[] = [];
  const due: number[] = [];
  const startAt = Date.now() + 5_000 + options.timers / 10; // room to add them all first
  for (let i = 0; i < options.timers; i++) due[i] = startAt + Math.floor((i / options.timers) * options.windowMs);
  // The delay is counted from the add, so it is computed per batch, just before it is sent.
  const jobs = (from: number, to: number) =>
    due.slice(from, to).map((at, k) => ({
      name: 'timer',
      data: { i: from + k, due: at },
      opts: { jobId: `t${from + k}`, delay: at - Date.now(), removeOnComplete: true, removeOnFail: true },
    }));
  for (let i = 0; i < options.timers; i += 2000) await queue.addBulk(jobs(i, i + 2000));
  const redisBytes = (await redisUsedBytes(redis)) - before;

  let done = 0;
  let resolveAll: () => void = () => undefined;
  const all = new Promise<void>((resolve) => (resolveAll = resolve));
  const worker = new Worker(
    'raw-timers',
    async (job) => {
      lags.push(Date.now() - (job.data as { due: number }).due);
      if (++done === options.timers) resolveAll();
    },
    { connection, prefix, concurrency: options.concurrency },
  );
  await all;
  await worker.close();

  // Restore floor: everything added again from memory after a flush.
  const again = jobs(0, options.timers).map((job) => ({ ...job, opts: { ...job.opts, delay: 3_600_000 } }));
  await redis.flushdb();
  const restoreStarted = process.hrtime.bigint();
  for (let i = 0; i < again.length; i += 2000) await queue.addBulk(again.slice(i, i + 2000));
  const restoreSeconds = Number(process.hrtime.bigint() - restoreStarted) / 1e9;
  await queue.obliterate({ force: true });
  await queue.close();
  lags.sort((a, b) => a - b);
  return {
    timers: options.timers,
    redisBytes,
    lagMs: { p50: percentile(lags, 0.5), p99: percentile(lags, 0.99), max: lags[lags.length - 1] },
    restoreSeconds,
  };
}
