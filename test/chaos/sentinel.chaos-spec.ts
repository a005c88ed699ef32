import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { recreateDatabase, runMigrations } from '../../libs/database/src/migrate';
import { AppProcess } from './app-processes';
import { checkInvariants } from './invariants';
import { inParallel, LoadDriver } from './load.driver';
import { freePort, OwnSentinelSet } from './own-services';

/**
 * Issue 20 item 3: a server and a worker reach Redis through Sentinel (REDIS_SENTINELS); the
 * suite's own master, replica and sentinel run on spare ports. During 1,000 task completions, each
 * leaving a 2-second timer pending, the master is killed with SIGKILL; the sentinel promotes the
 * replica and the processes follow it. Then: nothing lost, every timer fired once, no process died.
 * The database is the suite's own, on the shared Postgres (nothing here restarts Postgres).
 */
const DOSSIERS = Number(process.env.SENTINEL_DOSSIERS ?? 500);
const COMPLETIONS = DOSSIERS * 2;
const KILL_AT = 0.3;
const CONCURRENCY = 16;
const KEY = 'chaos-flow';
const USER_FOR_GROUP: Record<string, string> = { specialist: 'specialist', reception: 'reception' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Redis Sentinel: the master killed during 1,000 completions with pending timers', () => {
  const base = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/motcua_test');
  base.pathname = `/motcua_sentinel_${process.pid}`;
  const dbUrl = base.toString();
  let redis: OwnSentinelSet;
  let db: Pool;
  let server: AppProcess;
  let worker: AppProcess;
  const tokens: Record<string, string> = {};

  const startedAt = Date.now();
  beforeAll(async () => {
    redis = await OwnSentinelSet.start('motcua');
    await recreateDatabase(dbUrl);
    await runMigrations({ ...process.env, DATABASE_URL: dbUrl });
    const env = {
      DATABASE_URL: dbUrl,
      REDIS_SENTINELS: redis.sentinels,
      REDIS_SENTINEL_NAME: redis.name,
      // The URL's host is ignored with sentinels (the db number and credentials still count).
      REDIS_URL: 'redis://ignored.invalid:1/0',
      JWT_SECRET: 'sentinel-secret',
      QUEUE_PREFIX: 'sentinel',
      THROTTLE_PREFIX: 'sentinel',
      DEMO_PASSWORD: 'motcua-demo',
      PASSWORD_HASH_COST: '12',
      JOB_LOCK_MS: '5000',
      RECONCILE_INTERVAL_MS: '1000',
      JOB_CONCURRENCY: '16',
      LOG_LEVEL: 'warn',
      DB_POOL_SIZE: '12',
    };
    const logs = join(tmpdir(), `motcua-sentinel-${process.pid}`);
    server = new AppProcess('server', 'server', env, `${logs}-server.log`, await freePort());
    worker = new AppProcess('worker', 'worker', env, `${logs}-worker.log`, await freePort());
    await server.start(); // seeds the demo province first
    const workerUp = worker.start(); // meanwhile the server receives the dossiers
    db = new Pool({ connectionString: dbUrl, max: 2 });
    await db.query(
      `INSERT INTO procedures (code, name, field, level, legal_time, process_key, channels) VALUES
      ('SENTINEL.1', 'Thủ tục thử chuyển Redis', 'Thử nghiệm', 'district', '{"days": 3}', $1, '{direct}')`,
      [KEY],
    );
    for (const username of ['admin', 'reception', 'specialist']) tokens[username] = await login(server.url, username);
    const deployed = await fetch(`${server.url}/api/definitions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.admin}`, 'content-type': 'text/xml' },
      body: readFileSync(join(__dirname, 'chaos-flow.bpmn'), 'utf8'),
    });
    expect(deployed.status).toBe(201);
    await inParallel(
      Array.from({ length: DOSSIERS }, (_, i) => i),
      CONCURRENCY,
      async (i) => {
        const res = await fetch(`${server.url}/api/dossiers`, {
          method: 'POST',
          headers: { authorization: `Bearer ${tokens.reception}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            procedureCode: 'SENTINEL.1',
            channel: 'direct',
            applicant: { fullName: 'Trần Thị Thử', idNumber: '066090000002', phone: '0905000002' },
          }),
        });
        if (res.status !== 201) throw new Error(`reception ${i}: ${res.status}`);
      },
    );
    await workerUp;
    console.log(`set-up (Redis set, database, server, worker, ${DOSSIERS} receptions): ${Date.now() - startedAt} ms`);
  }, 300_000);

  afterAll(async () => {
    await Promise.all([server, worker].filter(Boolean).map((p) => p.stop()));
    await db?.end();
    await redis?.stop();
    const admin = new Pool({ connectionString: dbUrl.replace(/\/[^/]*$/, '/postgres'), max: 1 });
    await admin.query(`DROP DATABASE IF EXISTS "${base.pathname.slice(1)}" WITH (FORCE)`).finally(() => admin.end());
  });

  it('loses nothing: every step done once, every timer fired once, the processes follow the new master', async () => {
    // given 500 dossiers at their first step, and a sentinel watching master and replica
    const originalMaster = await redis.masterAddress();
    expect(originalMaster).toBe(redis.masterPort);
    const driver = new LoadDriver([server.url], { specialist: tokens.specialist, reception: tokens.reception });
    let finished = 0;
    const figures: Record<string, number> = {};

    // when the master is SIGKILLed once 30 % of the completions are done (timers pending in Redis)
    const failover = (async () => {
      while (finished < KILL_AT * COMPLETIONS) await sleep(20);
      figures.completionsBeforeKill = finished;
      figures.timersPendingAtKill = Number(
        (await db.query(`SELECT count(*) FROM jobs WHERE kind = 'timer' AND status = 'pending'`)).rows[0].count,
      );
      const killedAt = Date.now();
      await redis.killMaster();
      while ((await redis.masterAddress().catch(() => 0)) !== redis.replicaPort) await sleep(100);
      const promotedAt = Date.now();
      figures.promotedAfterMs = promotedAt - killedAt;
      // recovered: a timer fired through the new master (BullMQ delays live only in Redis)
      for (;;) {
        const { rows } = await db.query(
          `SELECT count(*)::int AS n FROM history_events WHERE type = 'timer.fired' AND at > to_timestamp($1 / 1000.0)`,
          [promotedAt],
        );
        if (rows[0].n > 0) break;
        await sleep(100);
      }
      figures.recoveredAfterMs = Date.now() - killedAt;
    })();

    // and the load completes every open step as it appears, retrying on connection errors and 5xx
    const attempted = new Set<string>();
    const deadline = Date.now() + 4 * 60_000;
    while (attempted.size < COMPLETIONS && Date.now() < deadline) {
      const fresh = (await openSteps(db)).filter((t) => !attempted.has(t.id));
      if (!fresh.length) {
        await sleep(200);
        continue;
      }
      fresh.forEach((t) => attempted.add(t.id));
      await inParallel(fresh, CONCURRENCY, async (t) => {
        await driver.complete(t.id, USER_FOR_GROUP[t.group]);
        finished++;
      });
    }
    await failover;
    await waitUntilAllCompleted(db, deadline);

    // then every invariant holds: each step and timer exactly once, every accepted request took effect
    const { violations, totals } = await checkInvariants(db, KEY, driver.records);
    const counts = driver.counts();
    console.log(
      [
        `sentinel failover: ${DOSSIERS} dossiers, ${COMPLETIONS} completions, master killed after ${figures.completionsBeforeKill} with ${figures.timersPendingAtKill} timers pending`,
        `  replica promoted ${figures.promotedAfterMs} ms after the kill; first timer through the new master ${figures.recoveredAfterMs} ms after the kill`,
        `requests: ${JSON.stringify(counts)}`,
        `totals: ${JSON.stringify(totals)}`,
        `violations: ${JSON.stringify(violations)}`,
      ].join('\n'),
    );
    expect(await redis.masterAddress()).toBe(redis.replicaPort);
    // and the processes logged the outage as JSON lines (before issue 20: raw ioredis/BullMQ errors with stacks)
    expect([server, worker].flatMap((p) => nonJsonLines(p.logFile))).toEqual([]);
    expect(figures.timersPendingAtKill).toBeGreaterThan(0);
    expect([server, worker].flatMap((p) => p.unexpectedExits)).toEqual([]);
    expect(counts.refused + counts.error).toBe(0);
    expect(counts.accepted + counts.earlier).toBe(COMPLETIONS);
    expect(totals).toMatchObject({
      instances: DOSSIERS,
      dossiers: DOSSIERS,
      completedTasks: COMPLETIONS,
      timersFired: DOSSIERS,
    });
    expect(Object.values(violations).every((n) => n === 0) ? {} : violations).toEqual({});
  }, 300_000);
});

function nonJsonLines(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .filter((line) => {
      try {
        JSON.parse(line);
        return false;
      } catch {
        return true;
      }
    })
    .slice(0, 5);
}

async function login(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'motcua-demo' }),
  });
  return ((await res.json()) as { accessToken: string }).accessToken;
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
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM process_instances WHERE definition_key = $1 AND status <> 'completed'`,
      [KEY],
    );
    if (rows[0].n === 0) return;
    await sleep(500);
  }
}
