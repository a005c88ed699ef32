import { spawn } from 'node:child_process';
import { Client } from 'pg';
import { recreateDatabase, runMigrations } from '../../../libs/database/src/migrate';
import { OwnRedis, freePort } from '../../chaos/own-services';
import { TEST_DATABASE_URL } from '../../support/test-env';
import { assertBuilt, SERVER_MAIN } from './start.support';

/**
 * Issue 20 item 3, "SIGTERM always exits": a running server (with its workers) whose Redis went away closes its
 * queues for ever (BullMQ waits for Redis); after SHUTDOWN_GRACE_MS it exits anyway, with one line.
 * Before, it kept running after SIGTERM.
 */
describe('SIGTERM while Redis is away (e2e)', () => {
  // Its own database: the server's workers must not run other suites' jobs.
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/motcua_sigterm_${process.pid}`;
  beforeAll(async () => {
    assertBuilt();
    await recreateDatabase(url.toString());
    await runMigrations({ ...process.env, DATABASE_URL: url.toString() });
  });
  afterAll(async () => {
    const admin = new Client({ connectionString: TEST_DATABASE_URL.replace(/\/[^/]*$/, '/postgres') });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${url.pathname.slice(1)}" WITH (FORCE)`).finally(() => admin.end());
  });

  it('ends the server within SHUTDOWN_GRACE_MS', async () => {
    const redis = await OwnRedis.start();
    const port = await freePort();
    const child = spawn(process.execPath, [SERVER_MAIN], {
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_URL: url.toString(),
        REDIS_URL: redis.url,
        PORT: String(port),
        SEED_DEMO: 'false',
        QUEUE_PREFIX: `sigterm-${process.pid}`,
        THROTTLE_PREFIX: `sigterm-${process.pid}`,
        LOG_LEVEL: 'error',
        SHUTDOWN_GRACE_MS: '2000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      for (
        let i = 0;
        i < 240 &&
        !(await fetch(`http://127.0.0.1:${port}/health/live`).then(
          (r) => r.ok,
          () => false,
        ));
        i++
      )
        await new Promise((r) => setTimeout(r, 250));
      await redis.kill();
      await new Promise((r) => setTimeout(r, 500));
      child.kill('SIGTERM');
      expect(await exited).toBe(1);
      expect(stderr.trim().split('\n').pop()).toBe(
        'motcua did not close within 2000 ms of SIGTERM (SHUTDOWN_GRACE_MS): exiting',
      );
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
