import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Pool, type PoolClient } from 'pg';
import request from 'supertest';
import { checkInvariants, INVARIANTS } from '../chaos/invariants';
import { LoadDriver, LoadGaveUp, type CompletionRecord } from '../chaos/load.driver';
import { startTestServer, type TestServer } from '../support/test-app';
import { TEST_DATABASE_URL } from '../support/test-env';
import { DEMO_PASSWORD, eventually, withKey } from './workflow.helpers';

jest.setTimeout(120_000);

/**
 * Issue 15 item 12: the chaos suite's checker (test/chaos/invariants.ts) must be able to fail.
 * A healthy state is made the way the chaos run makes it (dossiers received over HTTP, both steps
 * completed by the load driver, the timer fired by the workers); then each fault is planted with
 * SQL inside a transaction, the checker runs on that transaction, and exactly the invariants the
 * fault breaks fire (the transaction is rolled back before the next one).
 */
describe('chaos checker: each invariant fires on its planted fault (e2e)', () => {
  let server: TestServer;
  let pool: Pool;
  let cutting: { url: string; close(): Promise<void> };
  let records: CompletionRecord[];
  const suffix = randomUUID().slice(0, 8);
  const key = `chaos-check-${suffix}`;
  const procedureCode = `CHAOS.CHECK.${suffix}`;
  /** One instance with its dossier and both steps, for the plants. */
  let one: { instanceId: string; code: string; firstTask: string; lastTask: string };

  beforeAll(async () => {
    server = await startTestServer();
    cutting = await answerLostProxy(server.url);
    pool = new Pool({ connectionString: TEST_DATABASE_URL, max: 2 });
    await pool.query(
      `INSERT INTO procedures (code, name, field, level, legal_time, process_key, channels) VALUES ($1, 'Thủ tục thử bộ kiểm tra', 'Thử nghiệm', 'district', '{"days": 3}', $2, '{direct}')`,
      [procedureCode, key],
    );
    const tokens = Object.fromEntries(
      await Promise.all(['admin', 'reception', 'specialist'].map(async (u) => [u, await login(server, u)] as const)),
    );
    const bpmn = withKey(
      withKey(readFileSync(join(__dirname, '..', 'chaos', 'chaos-flow.bpmn'), 'utf8'), 'chaos-flow', key),
      'CHAOS.1',
      procedureCode,
    );
    await request(server.url)
      .post('/api/definitions')
      .set('Authorization', `Bearer ${tokens.admin}`)
      .set('Content-Type', 'text/xml')
      .send(bpmn)
      .expect(201);

    // three dossiers received, each step completed by the chaos suite's own load driver
    const driver = new LoadDriver([server.url], tokens);
    let earlier: CompletionRecord | undefined;
    for (let i = 0; i < 3; i++) {
      await request(server.url)
        .post('/api/dossiers')
        .set('Authorization', `Bearer ${tokens.reception}`)
        .send({
          procedureCode,
          channel: 'direct',
          applicant: { fullName: 'Nguyễn Văn Thử', idNumber: '066090000001', phone: '0905000001' },
        })
        .expect(201);
    }
    for (const element of ['Task_ThamDinh', 'Task_TraKetQua']) {
      const open = await eventually(
        async () => {
          const rows = await openTasks(element);
          return rows.length === 3 && rows;
        },
        30_000,
        200,
      );
      const [first, ...rest] = open;
      for (const task of rest) await driver.complete(task.id, element === 'Task_ThamDinh' ? 'specialist' : 'reception');
      if (element === 'Task_ThamDinh') await driver.complete(first.id, 'specialist');
      // one dossier's last step: its first answer is lost (a proxy forwards it, the server commits, the connection is cut)
      else
        earlier = await new LoadDriver([cutting.url, server.url], tokens, { retryDelayMs: 10 }).complete(
          first.id,
          'reception',
        );
    }
    await eventually(
      async () =>
        (
          await pool.query(
            `SELECT count(*)::int AS n FROM process_instances WHERE definition_key = $1 AND status = 'completed'`,
            [key],
          )
        ).rows[0].n === 3,
      30_000,
      200,
    );
    // then the driver learnt of it from the retry's 409
    expect(earlier).toMatchObject({ outcome: 'earlier', unknown: 1, status: 409, code: 'TASK_NOT_OPEN' });
    records = [...driver.records, earlier!];
    expect(records.map((r) => r.outcome).sort()).toEqual([
      'accepted',
      'accepted',
      'accepted',
      'accepted',
      'accepted',
      'earlier',
    ]);

    const [row] = (
      await pool.query(
        `SELECT i.id AS "instanceId", d.code,
         (SELECT t.id FROM tasks t WHERE t.instance_id = i.id AND t.element_id = 'Task_ThamDinh') AS "firstTask",
         (SELECT t.id FROM tasks t WHERE t.instance_id = i.id AND t.element_id = 'Task_TraKetQua') AS "lastTask"
       FROM process_instances i JOIN dossiers d ON d.instance_id = i.id
       WHERE i.definition_key = $1 AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.instance_id = i.id AND t.id = $2)
       ORDER BY i.started_at LIMIT 1`,
        [key, earlier!.taskId],
      )
    ).rows;
    one = row;
  });

  afterAll(async () => {
    // One database in CI: a published test procedure would show in other suites' catalog counts.
    await pool?.query(`UPDATE procedures SET published = false WHERE code = $1`, [procedureCode]);
    await pool?.end();
    await cutting?.close();
    await server?.close();
  });

  async function login(s: TestServer, username: string): Promise<string> {
    const res = await request(s.url).post('/api/auth/login').send({ username, password: DEMO_PASSWORD }).expect(200);
    return res.body.accessToken as string;
  }

  async function openTasks(element: string): Promise<{ id: string }[]> {
    const { rows } = await pool.query(
      `SELECT t.id FROM tasks t JOIN process_instances i ON i.id = t.instance_id WHERE i.definition_key = $1 AND t.element_id = $2 AND t.status = 'open'`,
      [key, element],
    );
    return rows;
  }

  /** The invariants that fire (name → count) once `plant` ran, in a transaction rolled back afterwards. */
  async function firedBy(plant: (db: PoolClient) => Promise<unknown>): Promise<Record<string, number>> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await plant(client);
      const { violations } = await checkInvariants(client, key, records);
      return Object.fromEntries(Object.entries(violations).filter(([, n]) => n !== 0));
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  }

  /** Rewrites who completed a step, in its row and its history alike (history is append-only: triggers off for this transaction). */
  const completedBy = async (db: PoolClient, taskId: string, username: string) => {
    await db.query(`SET LOCAL session_replication_role = replica`);
    await db.query(`UPDATE tasks SET completed_by = $2 WHERE id = $1`, [taskId, username]);
    await db.query(`UPDATE history_events SET actor = $2 WHERE task_id = $1 AND type = 'task.completed'`, [
      taskId,
      username,
    ]);
  };

  const fired = new Set<string>();
  const expectFired = async (plant: (db: PoolClient) => Promise<unknown>, expected: Record<string, number>) => {
    const actual = await firedBy(plant);
    expect(actual).toEqual(expected);
    Object.keys(actual).forEach((name) => fired.add(name));
  };

  it('finds nothing wrong with a healthy run', async () => {
    // given three dossiers received, processed and returned with no fault
    // when the checker runs, then every invariant holds and the totals are the flow's
    const { violations, totals } = await checkInvariants(pool, key, records);
    expect(Object.keys(violations)).toEqual(INVARIANTS);
    expect(INVARIANTS).toHaveLength(16);
    expect(Object.entries(violations).filter(([, n]) => n !== 0)).toEqual([]);
    expect(totals).toMatchObject({ instances: 3, dossiers: 3, completedTasks: 6, timersFired: 3 });
  });

  it('catches a lost completion: a step answered 200 is open again', async () => {
    await expectFired(
      (db) =>
        db.query(`UPDATE tasks SET status = 'open', completed_by = NULL, completed_at = NULL WHERE id = $1`, [
          one.lastTask,
        ]),
      { stepsNotExactlyTwo: 1, taskHistoryNotOnce: 1, acceptedWithoutEffect: 1 },
    );
  });

  it('catches a lost completion: the step the driver was answered 200 for was done by another officer', async () => {
    await expectFired((db) => completedBy(db, one.firstTask, 'head'), { acceptedWithoutEffect: 1 });
  });

  it('catches a completion answered 409 after a cut attempt that had not in fact committed', async () => {
    const earlier = records.find((r) => r.outcome === 'earlier')!;
    await expectFired((db) => completedBy(db, earlier.taskId, 'head'), { earlierWithoutEffect: 1 });
  });

  it('catches a duplicated step: the same step created and completed twice', async () => {
    await expectFired(
      async (db) => {
        const copy = randomUUID();
        await db.query(
          `INSERT INTO tasks (id, instance_id, element_id, name, unit_code, candidate_groups, status, created_at, completed_at, completed_by)
        SELECT $2, instance_id, element_id, name, unit_code, candidate_groups, 'completed', now(), now(), completed_by FROM tasks WHERE id = $1`,
          [one.firstTask, copy],
        );
        await db.query(
          `INSERT INTO history_events (instance_id, at, type, element_id, task_id, actor) SELECT instance_id, now(), 'task.completed', element_id, id, completed_by FROM tasks WHERE id = $1`,
          [copy],
        );
      },
      { stepDoneTwice: 1, stepsNotExactlyTwo: 1 },
    );
  });

  it('catches each other fault on its own', async () => {
    // an instance left without its end, or whose state disagrees with its row
    await expectFired(
      (db) => db.query(`UPDATE process_instances SET ended_at = NULL WHERE id = $1`, [one.instanceId]),
      { instancesNotCompleted: 1 },
    );
    await expectFired(
      (db) =>
        db.query(`UPDATE process_instances SET state = jsonb_set(state, '{status}', '"running"') WHERE id = $1`, [
          one.instanceId,
        ]),
      { stateDisagreesWithRow: 1 },
    );
    // a step recorded twice in the history
    await expectFired(
      (db) =>
        db.query(
          `INSERT INTO history_events (instance_id, at, type, task_id, actor) SELECT instance_id, now(), 'task.completed', id, completed_by FROM tasks WHERE id = $1`,
          [one.firstTask],
        ),
      { taskHistoryNotOnce: 1 },
    );
    // a timer that fired twice, in the history or in the jobs
    await expectFired(
      (db) =>
        db.query(
          `INSERT INTO history_events (instance_id, at, type, element_id) VALUES ($1, now(), 'timer.fired', 'Timer_Cho')`,
          [one.instanceId],
        ),
      { timerNotFiredOnce: 1 },
    );
    await expectFired(
      (db) =>
        db.query(
          `INSERT INTO jobs (id, instance_id, kind, element_id, due_at, status) VALUES ($2, $1, 'timer', 'Timer_Cho', now(), 'done')`,
          [one.instanceId, randomUUID()],
        ),
      { timerJobNotDoneOnce: 1 },
    );
    // an instance started twice
    await expectFired(
      (db) =>
        db.query(`INSERT INTO history_events (instance_id, at, type) VALUES ($1, now(), 'instance.started')`, [
          one.instanceId,
        ]),
      { instanceHistoryNotOnce: 1 },
    );
    // a job left failed, an incident
    await expectFired(
      (db) =>
        db.query(
          `INSERT INTO jobs (id, instance_id, kind, element_id, due_at, status) VALUES ($2, $1, 'service', 'Task_Gui', now(), 'failed')`,
          [one.instanceId, randomUUID()],
        ),
      { jobsLeftOpen: 1 },
    );
    await expectFired(
      (db) =>
        db.query(
          `INSERT INTO incidents (instance_id, element_id, code, message, status) VALUES ($1, 'Timer_Cho', 'PLANTED', 'planted by the test', 'open')`,
          [one.instanceId],
        ),
      { incidents: 1 },
    );
    // a dossier never handed back, a public projection left behind
    await expectFired((db) => db.query(`UPDATE dossiers SET returned_at = NULL WHERE code = $1`, [one.code]), {
      dossierNotReturned: 1,
    });
    await expectFired((db) => db.query(`UPDATE dossier_status SET status = 'processing' WHERE code = $1`, [one.code]), {
      projectionDisagrees: 1,
    });
    // an SMS queued twice
    await expectFired(
      (db) =>
        db.query(
          `INSERT INTO sms_outbox (code, kind, phone, appointment_at, status) VALUES ($1, 'result_ready', '0905000001', now(), 'sent')`,
          [one.code],
        ),
      { smsNotOncePerChange: 1 },
    );
    // an inbox count that no longer matches the open steps
    await expectFired(
      (db) => db.query(`INSERT INTO task_count_changes VALUES ('000.00.20.H15', '{specialist}', '', 1, 0)`),
      { keptCountsDisagree: 1 },
    );
  });

  it('has shown every invariant to fire', () => {
    expect([...INVARIANTS].filter((name) => !fired.has(name))).toEqual([]);
  });
});

/** Forwards each request to `target`, lets it commit, then cuts the connection instead of answering (a failover at the worst moment). */
async function answerLostProxy(target: string): Promise<{ url: string; close(): Promise<void> }> {
  const proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(([name]) => ['authorization', 'content-type'].includes(name)),
      ) as Record<string, string>;
      await fetch(`${target}${req.url}`, { method: req.method, headers, body: Buffer.concat(chunks) }).then(
        (answer) => answer.arrayBuffer(),
        () => undefined,
      );
      res.socket?.destroy();
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => proxy.close(() => resolve())),
  };
}

/** The load driver must be able to fail too: a server that keeps answering 5xx ends the run. */
describe('chaos load driver: bounded retries (e2e)', () => {
  let failing: Server;
  let url: string;
  let received = 0;

  beforeAll(async () => {
    failing = createServer((_req, res) => {
      received++;
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 'INTERNAL' }));
    });
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(failing.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => failing.close(() => resolve())));

  it('gives up after the bounded number of 5xx answers to one completion, and reports them', async () => {
    // given a server that answers 500 to everything
    const driver = new LoadDriver([url], { specialist: 'token' }, { retryDelayMs: 1, maxServerErrors: 25 });
    // when the driver completes a task there, then it fails after 25 answers, and says so
    const failure = await driver.complete(randomUUID(), 'specialist').then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(LoadGaveUp);
    expect((failure as Error).message).toMatch(/after 25 attempts, 25 answered 5xx: the last answer was 500 INTERNAL/);
    expect(received).toBe(25);
    expect(driver.counts()).toMatchObject({ error: 1, serverErrors: 25, mostServerErrorsForOne: 25 });
  });

  it('gives up when no server answers at all', async () => {
    const driver = new LoadDriver(['http://127.0.0.1:1'], { specialist: 'token' }, { retryDelayMs: 1, maxAttempts: 5 });
    await expect(driver.complete(randomUUID(), 'specialist')).rejects.toThrow(
      /after 5 attempts, 0 answered 5xx: no answer/,
    );
  });
});
