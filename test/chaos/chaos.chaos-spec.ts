import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { recreateDatabase, runMigrations } from '../../libs/database/src/migrate';
import { AppProcess } from './app-processes';
import { checkInvariants } from './invariants';
import { inParallel, LoadDriver } from './load.driver';
import { freePort, OwnPostgres, OwnRedis } from './own-services';

/**
 * Issue 9 item 3: 5,000 task completions over HTTP against two servers and a worker on the
 * suite's OWN Postgres cluster and redis-server (never the shared ones), while a server and the
 * worker are killed with SIGKILL, Redis is flushed and restarted, and Postgres restarts, once
 * gracefully and once as a crash (`-m immediate`, WAL recovery). Then the invariant checker:
 * nothing lost, nothing done twice, every accepted request took effect. Issue 15: no process may
 * die unless the test killed it, and the load driver gives up (failing the test) on a completion
 * that keeps getting 5xx.
 */
const DOSSIERS = Number(process.env.CHAOS_DOSSIERS ?? 2500);
const COMPLETIONS = DOSSIERS * 2;
const CONCURRENCY = 16;
const KEY = 'chaos-flow';
const USER_FOR_GROUP: Record<string, string> = { specialist: 'specialist', reception: 'reception' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('chaos: kill -9, Redis flush and restart, Postgres restart and crash during 5,000 completions', () => {
  let pg: OwnPostgres;
  let redis: OwnRedis;
  let db: Pool;
  let servers: AppProcess[];
  let worker: AppProcess;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    [pg, redis] = await Promise.all([OwnPostgres.start(), OwnRedis.start()]);
    const env = {
      DATABASE_URL: pg.url,
      REDIS_URL: redis.url,
      JWT_SECRET: 'chaos-secret',
      QUEUE_PREFIX: 'chaos',
      DEMO_PASSWORD: 'motcua-demo',
      // A killed worker's job is taken over after 5 s; Redis losses are noticed within a second.
      JOB_LOCK_MS: '5000',
      RECONCILE_INTERVAL_MS: '1000',
      JOB_CONCURRENCY: '16',
      LOG_LEVEL: 'warn',
      DB_POOL_SIZE: '16',
    };
    await recreateDatabase(pg.url);
    await runMigrations({ ...process.env, DATABASE_URL: pg.url });
    const logs = join(tmpdir(), `motcua-chaos-${process.pid}`);
    servers = [
      new AppProcess('server A', 'server', env, `${logs}-a.log`, await freePort()),
      new AppProcess('server B', 'server', env, `${logs}-b.log`, await freePort()),
    ];
    worker = new AppProcess('worker', 'worker', env, `${logs}-w.log`);
    await servers[0].start(); // seeds the demo province first
    await Promise.all([servers[1].start(), worker.start()]);
    db = new Pool({ connectionString: pg.url, max: 2 });
    db.on('error', () => undefined); // idle connections die with the Postgres restart; the pool reconnects
    await db.query(
      `INSERT INTO procedures (code, name, field, level, legal_time, process_key, channels) VALUES
      ('CHAOS.1', 'Thủ tục thử hỏng hóc', 'Thử nghiệm', 'district', '{"days": 3}', $1, '{direct}')`,
      [KEY],
    );
    for (const username of ['admin', 'reception', 'specialist'])
      tokens[username] = await login(servers[0].url, username);
    const deployed = await fetch(`${servers[0].url}/api/definitions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.admin}`, 'content-type': 'text/xml' },
      body: readFileSync(join(__dirname, 'chaos-flow.bpmn'), 'utf8'),
    });
    expect(deployed.status).toBe(201);
    await inParallel(
      Array.from({ length: DOSSIERS }, (_, i) => i),
      CONCURRENCY,
      async (i) => {
        const res = await postJson(servers[i % 2].url, '/api/dossiers', tokens.reception, {
          procedureCode: 'CHAOS.1',
          channel: 'direct',
          applicant: { fullName: 'Nguyễn Văn Thử', idNumber: '066090000001', phone: '0905000001' },
        });
        if (res.status !== 201) throw new Error(`reception ${i}: ${res.status}`);
      },
    );
  }, 600_000);

  afterAll(async () => {
    await Promise.all([...(servers ?? []), worker].filter(Boolean).map((p) => p.stop()));
    await db?.end();
    await redis?.kill();
    pg?.stop();
  });

  it('loses nothing and does nothing twice', async () => {
    // given 2,500 dossiers waiting at their first step, and a schedule of failures by progress
    const driver = new LoadDriver(
      servers.map((s) => s.url),
      { specialist: tokens.specialist, reception: tokens.reception },
    );
    let finished = 0;
    const chaos: string[] = [];
    let recovered = false;
    const schedule: [number, string, () => Promise<unknown>][] = [
      [
        0.1,
        'kill -9 server A, restart it',
        async () => {
          await servers[0].kill9();
          await sleep(1000);
          await servers[0].start();
        },
      ],
      [
        0.3,
        'kill -9 the worker, restart it',
        async () => {
          await worker.kill9();
          await sleep(1000);
          await worker.start();
        },
      ],
      [0.5, 'Redis FLUSHALL', () => redis.flushAll()],
      [0.65, 'Redis killed and restarted empty', () => redis.restart()],
      [0.75, 'Postgres restart (pg_ctl restart -m fast)', () => pg.restart()],
      [
        0.85,
        'Postgres crash (pg_ctl stop -m immediate), crash recovery on start',
        async () => {
          recovered = await pg.crash();
        },
      ],
    ];
    const failures = (async () => {
      for (const [share, label, run] of schedule) {
        while (finished < share * COMPLETIONS) await sleep(50);
        const at = finished;
        await run();
        chaos.push(`${label} at ${at} completions`);
      }
    })();

    // a supervisor: a process that dies on its own is started again, so the run goes on, and
    // counted: any such exit fails the test below
    let restarting = false;
    const supervisor = setInterval(async () => {
      if (restarting) return;
      restarting = true;
      for (const p of [...servers, worker]) await p.restartIfCrashed().catch(() => undefined);
      restarting = false;
    }, 1000);

    // when the load completes every open step as it appears, retrying on connection errors
    // (a completion still answered 5xx after the driver's bound throws LoadGaveUp and fails the test here)
    const attempted = new Set<string>();
    const deadline = Date.now() + 8 * 60_000;
    try {
      while (attempted.size < COMPLETIONS && Date.now() < deadline) {
        const open = await openSteps(db).catch(() => []);
        const fresh = open.filter((t) => !attempted.has(t.id));
        if (!fresh.length) {
          await sleep(250);
          continue;
        }
        fresh.forEach((t) => attempted.add(t.id));
        await inParallel(fresh, CONCURRENCY, async (t) => {
          await driver.complete(t.id, USER_FOR_GROUP[t.group]);
          finished++;
        });
      }
      await failures;
      await waitUntilAllCompleted(db, deadline);
    } finally {
      clearInterval(supervisor);
    }

    // then every invariant holds, and every accepted request took effect exactly once
    const { violations, totals } = await checkInvariants(db, KEY, driver.records);
    const counts = driver.counts();
    console.log(
      [
        `chaos run: ${DOSSIERS} dossiers, ${driver.records.length} completion requests`,
        ...chaos.map((c) => `  ${c}`),
        `requests: ${JSON.stringify(counts)}`,
        `totals: ${JSON.stringify(totals)}`,
        `violations: ${JSON.stringify(violations)}`,
        `unexpected process exits: ${[...servers, worker].map((p) => `${p.name} ${p.unexpectedExits.length}`).join(', ')}`,
      ].join('\n'),
    );
    expect(chaos).toHaveLength(schedule.length);
    expect(recovered).toBe(true);
    expect([...servers, worker].flatMap((p) => p.unexpectedExits)).toEqual([]);
    expect(counts.refused + counts.error).toBe(0);
    expect(counts.accepted + counts.earlier).toBe(COMPLETIONS);
    expect(totals).toMatchObject({
      instances: DOSSIERS,
      dossiers: DOSSIERS,
      completedTasks: COMPLETIONS,
      timersFired: DOSSIERS,
    });
    expect(Object.values(violations).every((n) => n === 0) ? {} : violations).toEqual({});

    // and the checker is not blind: a step recorded twice, a stale projection and a stray count are caught
    const [{ id: taskId, instance_id: instanceId, completed_by: actor }] = (
      await db.query(
        `SELECT t.id, t.instance_id, t.completed_by FROM tasks t JOIN process_instances i ON i.id = t.instance_id WHERE i.definition_key = $1 LIMIT 1`,
        [KEY],
      )
    ).rows;
    await db.query(
      `INSERT INTO history_events (instance_id, at, type, task_id, actor) VALUES ($1, now(), 'task.completed', $2, $3)`,
      [instanceId, taskId, actor],
    );
    await db.query(
      `UPDATE dossier_status SET status = 'processing' WHERE code = (SELECT code FROM dossiers WHERE instance_id = $1)`,
      [instanceId],
    );
    await db.query(`INSERT INTO task_count_changes VALUES ('000.00.20.H15', '{specialist}', '', 1, 0)`);
    const planted = await checkInvariants(db, KEY, driver.records);
    expect(planted.violations).toMatchObject({
      taskHistoryNotOnce: 1,
      projectionDisagrees: 1,
      keptCountsDisagree: 1,
      stepDoneTwice: 0,
    });
    // (every other invariant is shown to fire on its own planted fault in test/e2e/chaos-invariants.e2e-spec.ts)

    // and the count of unexpected exits is not blind: a worker crash the test did not cause is seen
    process.kill(worker.pid!, 'SIGKILL');
    await until(() => worker.unexpectedExits.length > 0);
    expect(worker.unexpectedExits).toEqual([expect.stringMatching(/^worker exited \(SIGKILL\)/)]);
  }, 900_000);
});

async function until(done: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done() && Date.now() < deadline) await sleep(50);
}

async function login(url: string, username: string): Promise<string> {
  const res = await postJson(url, '/api/auth/login', '', { username, password: 'motcua-demo' });
  return (res.body as { accessToken: string }).accessToken;
}

async function postJson(
  url: string,
  path: string,
  token: string,
  body: unknown,
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json().catch(() => ({})) };
}

async function openSteps(db: Pool): Promise<{ id: string; group: string }[]> {
  const { rows } = await db.query(
    `SELECT t.id, t.candidate_groups[1] AS group FROM tasks t JOIN process_instances i ON i.id = t.instance_id
     WHERE i.definition_key = $1 AND t.status = 'open' ORDER BY t.created_at`,
    [KEY],
  );
  return rows;
}

async function waitUntilAllCompleted(db: Pool, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    const { rows } = await db
      .query(`SELECT count(*)::int AS n FROM process_instances WHERE definition_key = $1 AND status <> 'completed'`, [
        KEY,
      ])
      .catch(() => ({ rows: [{ n: -1 }] }));
    if (rows[0].n === 0) return;
    await sleep(500);
  }
}
