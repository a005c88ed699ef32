import type { INestApplication } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { DeploymentService, JobReconciler, RuntimeService } from '../../libs/workflow/src';
import { JobQueue } from '../../libs/workflow/src/jobs/job.queue';
import { runConcurrently } from './phases';
import { redisUsedBytes } from './timer-stats';

const TIMER_XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="urn:motcua:bench">
  <bpmn:process id="bench-timer" isExecutable="true">
    <bpmn:startEvent id="Start" />
    <bpmn:intermediateCatchEvent id="Timer"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="End" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Timer" />
    <bpmn:sequenceFlow id="F2" sourceRef="Timer" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`;

export interface EngineTimersResult {
  timers: number;
  startSeconds: number;
  redisBytes: number;
  rssBytes: number;
  restoreSeconds: number;
  restoreBeforeFiringSeconds: number;
  lagMs: { p50: number; p99: number; max: number };
  firingSeconds: number;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `timers` instances each waiting on a one-hour timer (real engine starts, jobs rows, BullMQ
 * delayed entries). Measures Redis memory and process RSS; FLUSHDB and the reconciler's full
 * restore; then moves every due time into a `windowMs` window, flushes and restores again, and
 * measures firing lag = `timer.fired` history time − the job's due time.
 */
export async function engineTimers(
  app: INestApplication,
  redis: Redis,
  options: { timers: number; windowMs: number; concurrency: number },
): Promise<EngineTimersResult> {
  const dataSource = app.get(DataSource);
  const queue = app.get(JobQueue).bullQueue;
  const reconciler = app.get(JobReconciler);
  const runtime = app.get(RuntimeService);
  await app.get(DeploymentService).deploy(TIMER_XML, 'bench', { skipUnchanged: true });
  const before = await redisUsedBytes(redis);
  const indexes = Array.from({ length: options.timers }, (_, i) => i);
  const startSeconds = await runConcurrently(indexes, options.concurrency, () =>
    runtime.start('bench-timer', {}, { username: 'bench', unitCode: '000.00.20.H15' }),
  );
  while ((await queue.getDelayedCount()) < options.timers) await wait(200);
  const redisBytes = (await redisUsedBytes(redis)) - before;
  global.gc?.();
  const rssBytes = process.memoryUsage().rss;

  // Restore after a flush: every future timer goes back (timed directly, not waiting for the interval).
  const restore = async () => {
    await redis.flushdb();
    const started = process.hrtime.bigint();
    await reconciler.reconcileNow();
    return Number(process.hrtime.bigint() - started) / 1e9;
  };
  const restoreSeconds = await restore();
  const restoredCount = await queue.getDelayedCount();
  if (restoredCount < options.timers)
    throw new Error(`only ${restoredCount} of ${options.timers} timers are back in BullMQ`);

  // Firing lag: due times spread over the window, starting after a second restore has had time to finish.
  const firstDue = Date.now() + Math.ceil(restoreSeconds * 1500) + 10_000;
  await dataSource.query(
    `UPDATE jobs j SET due_at = to_timestamp(($1::float8 + (r.n - 1) * $2::float8 / $3) / 1000.0)
     FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM jobs WHERE kind = 'timer' AND status = 'pending') r WHERE j.id = r.id`,
    [firstDue, options.windowMs, options.timers],
  );
  // The planned due times, kept apart: a retried job's row gets a new due time.
  await dataSource.query(`DROP TABLE IF EXISTS bench_timer_due`);
  await dataSource.query(
    `CREATE TABLE bench_timer_due AS SELECT id, due_at FROM jobs WHERE kind = 'timer' AND status = 'pending'`,
  );
  const restoreBeforeFiringSeconds = await restore();
  const firingStarted = Date.now();
  for (;;) {
    const [row] = await dataSource.query(
      `SELECT count(*)::int AS n FROM jobs WHERE kind = 'timer' AND status = 'pending'`,
    );
    if (row.n === 0) break;
    await wait(500);
  }
  const firingSeconds = (Date.now() - Math.max(firingStarted, firstDue)) / 1000;
  const [lag] = await dataSource.query(
    `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50, percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99, max(ms) AS max
     FROM (SELECT extract(epoch FROM h.at - j.due_at) * 1000 AS ms
           FROM history_events h JOIN bench_timer_due j ON j.id = (h.data->>'jobId')::uuid
           WHERE h.type = 'timer.fired') x`,
  );
  const [outcome] = await dataSource.query(
    `SELECT count(*) FILTER (WHERE status = 'done')::int AS done, count(*) FILTER (WHERE status <> 'done')::int AS other
     FROM jobs WHERE id IN (SELECT id FROM bench_timer_due)`,
  );
  if (outcome.other > 0) throw new Error(`${outcome.other} timer job(s) did not end done`);
  return {
    timers: options.timers,
    startSeconds,
    redisBytes,
    rssBytes,
    restoreSeconds,
    restoreBeforeFiringSeconds,
    lagMs: { p50: Number(lag.p50), p99: Number(lag.p99), max: Number(lag.max) },
    firingSeconds,
  };
}
