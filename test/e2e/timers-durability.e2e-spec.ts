import { Redis } from 'ioredis';
import { DeploymentService, JobReconciler, RuntimeService, ServiceTaskRegistry } from '../../libs/workflow/src';
import { JobQueue } from '../../libs/workflow/src/jobs/job.queue';
import { startTestServer, type TestServer } from '../support/test-app';
import { TEST_REDIS_URL } from '../support/test-env';
import { CITY, db, eventually, fixture } from './workflow.helpers';

const TIMERS = 1000;
const saved = {
  RECONCILE_INTERVAL_MS: process.env.RECONCILE_INTERVAL_MS,
  JOB_CONCURRENCY: process.env.JOB_CONCURRENCY,
};

jest.setTimeout(240_000);

/**
 * Feature: timers survive losing Redis. Two servers (each with workers and a reconciler) share
 * one queue; Redis is flushed while 1,000 timers are pending; the reconcilers restore them all
 * and each timer's effect happens exactly once.
 */
describe('timers after a Redis flush, with two worker processes (e2e)', () => {
  let first: TestServer;
  let second: TestServer;
  const effects = new Map<string, number>();
  const byServer = { first: 0, second: 0 };

  beforeAll(async () => {
    process.env.RECONCILE_INTERVAL_MS = '1000';
    process.env.JOB_CONCURRENCY = '16';
    first = await startTestServer();
    second = await startTestServer({ queuePrefix: process.env.QUEUE_PREFIX });
    const handler = (name: keyof typeof byServer) => async (ctx: { instanceId: string }) => {
      effects.set(ctx.instanceId, (effects.get(ctx.instanceId) ?? 0) + 1);
      byServer[name]++;
    };
    first.app.get(ServiceTaskRegistry).register('timer-effect', handler('first'));
    second.app.get(ServiceTaskRegistry).register('timer-effect', handler('second'));
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('restores 1,000 pending timers within 60 s of FLUSHDB, and each fires exactly once', async () => {
    // given 1,000 instances waiting on a one-hour timer
    await first.app.get(DeploymentService).deploy(fixture('timer-effect.bpmn'), 'admin', { skipUnchanged: true });
    const runtime = first.app.get(RuntimeService);
    const ids: string[] = [];
    for (let batch = 0; batch < TIMERS / 50; batch++) {
      const started = await Promise.all(
        Array.from({ length: 50 }, () => runtime.start('timer-effect', {}, { username: 'reception', unitCode: CITY })),
      );
      ids.push(...started.map((change) => change.instanceId));
    }
    const queue = first.app.get(JobQueue).bullQueue;
    await eventually(async () => (await queue.getDelayedCount()) >= TIMERS, 30_000, 200);

    // when Redis loses everything (only the test's own db)
    const redis = new Redis(TEST_REDIS_URL);
    try {
      await redis.flushdb();
    } finally {
      redis.disconnect();
    }

    // then within 60 s every pending timer is back in BullMQ, still delayed
    const timerJobs: { id: string }[] = await db(first).query(
      `SELECT id FROM jobs WHERE kind = 'timer' AND status = 'pending' AND instance_id = ANY($1::uuid[])`,
      [ids],
    );
    expect(timerJobs).toHaveLength(TIMERS);
    const restoredAfter = Date.now();
    await eventually(async () => (await queue.getDelayedCount()) >= TIMERS, 60_000, 250);
    const missing = (
      await Promise.all(timerJobs.map(async (job) => ((await queue.getJob(job.id)) ? null : job.id)))
    ).filter(Boolean);
    expect(missing).toEqual([]);
    expect(Date.now() - restoredAfter).toBeLessThan(60_000);

    // when their time comes (promoted now rather than waiting an hour)
    await queue.promoteJobs();
    // then every timer fired and its effect ran, once each, even with both reconcilers re-offering work
    await eventually(async () => ids.every((id) => effects.has(id)), 120_000, 500);
    await Promise.all([first.app.get(JobReconciler).reconcileNow(), second.app.get(JobReconciler).reconcileNow()]);
    await eventually(
      async () => {
        const [row] = await db(first).query(
          `SELECT count(*)::int AS n FROM process_instances WHERE id = ANY($1::uuid[]) AND status = 'completed'`,
          [ids],
        );
        return row.n === TIMERS;
      },
      60_000,
      500,
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(ids.filter((id) => effects.get(id) !== 1)).toEqual([]);
    const fired: { instance_id: string; n: number }[] = await db(first).query(
      `SELECT instance_id, count(*)::int AS n FROM history_events WHERE type = 'timer.fired' AND instance_id = ANY($1::uuid[]) GROUP BY instance_id`,
      [ids],
    );
    expect(fired).toHaveLength(TIMERS);
    expect(fired.filter((row) => row.n !== 1)).toEqual([]);
    // and both processes did part of the work
    expect(byServer.first + byServer.second).toBe(TIMERS);
    expect(byServer.first).toBeGreaterThan(0);
    expect(byServer.second).toBeGreaterThan(0);
  });
});
