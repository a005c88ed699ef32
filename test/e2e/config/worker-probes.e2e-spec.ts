import { Client } from 'pg';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recreateDatabase, runMigrations } from '../../../libs/database/src/migrate';
import { AppProcess } from '../../chaos/app-processes';
import { freePort } from '../../chaos/own-services';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from '../../support/test-env';
import { assertBuilt } from './start.support';

/**
 * Issue 20 item 7: the standalone worker (built, its own OS process) serves /health and /metrics on
 * WORKER_PORT, and nothing else: not the API its modules declare. Its own database, so its
 * reconciler never runs other suites' jobs.
 */
describe("the worker's /health and /metrics (e2e)", () => {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/motcua_worker_probes_${process.pid}`;
  let worker: AppProcess;

  beforeAll(async () => {
    assertBuilt();
    await recreateDatabase(url.toString());
    await runMigrations({ ...process.env, DATABASE_URL: url.toString() });
    worker = new AppProcess(
      'worker',
      'worker',
      {
        DATABASE_URL: url.toString(),
        REDIS_URL: TEST_REDIS_URL,
        QUEUE_PREFIX: `worker-probes-${process.pid}`,
        METRICS_TOKEN: 'worker-metrics-token',
        LOG_LEVEL: 'warn',
      },
      join(tmpdir(), `motcua-worker-probes-${process.pid}.log`),
      await freePort(),
    );
    await worker.start(); // resolves once GET /health answers 200
  });
  afterAll(async () => {
    await worker?.stop();
    const admin = new Client({ connectionString: TEST_DATABASE_URL.replace(/\/[^/]*$/, '/postgres') });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${url.pathname.slice(1)}" WITH (FORCE)`).finally(() => admin.end());
  });

  it('answers readiness with Postgres and Redis up, and liveness', async () => {
    const ready = await fetch(`${worker.url}/health`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', role: 'worker', checks: { postgres: 'up', redis: 'up' } });
    expect((await fetch(`${worker.url}/health/live`)).status).toBe(200);
  });

  it('serves Prometheus metrics behind METRICS_TOKEN', async () => {
    expect((await fetch(`${worker.url}/metrics`)).status).toBe(401);
    const res = await fetch(`${worker.url}/metrics`, { headers: { authorization: 'Bearer worker-metrics-token' } });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('motcua_process_cpu_seconds_total');
    expect(text).toMatch(/^motcua_jobs\{/m);
  });

  it('serves nothing else (not the API)', async () => {
    expect((await fetch(`${worker.url}/api/auth/login`, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${worker.url}/api/tasks`)).status).toBe(404);
  });
});
