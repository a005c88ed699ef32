import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import request from 'supertest';
import { startTestServer, type TestServer } from '../../support/test-app';
import { CITY, db, fixture, openTask, signIn, withKey } from '../workflow.helpers';

/**
 * Issue 20 item 8: behind a pooler in transaction mode that cannot keep named prepared statements
 * (PgBouncer before 1.21, or without max_prepared_statements), `DB_NAMED_STATEMENTS=false` runs the
 * hot path with unnamed statements only. Checked on every connection of the server's pool.
 */
async function namedStatementsOnPool(server: TestServer): Promise<number> {
  const pool = (db(server).driver as unknown as { master: Pool }).master;
  const clients = await Promise.all(Array.from({ length: pool.totalCount }, () => pool.connect()));
  try {
    let named = 0;
    for (const client of clients)
      named += (await client.query('SELECT count(*)::int AS n FROM pg_prepared_statements')).rows[0].n;
    return named;
  } finally {
    clients.forEach((client) => client.release());
  }
}

/** A process started, its first step completed, a public lookup: the statements ADR 0005 prepares. */
async function hotPath(server: TestServer): Promise<void> {
  const [admin, specialist, reception] = await Promise.all(
    ['admin', 'specialist', 'reception'].map((username) => signIn(server, username)),
  );
  const key = `named-${randomUUID().slice(0, 8)}`;
  await admin.deployXml(withKey(fixture('workflow-single-task.bpmn'), 'single-task', key)).expect(201);
  for (let i = 0; i < 3; i++) {
    const id = (
      await admin.post('/api/instances', { definitionKey: key, variables: { receivingUnit: CITY } }).expect(201)
    ).body.id as string;
    const task = await openTask(admin, id, 'Task_Review');
    await specialist.post(`/api/tasks/${task.id}/complete`, { variables: {} }).expect(200);
    // the last step too: no open step is left in the city's inbox for other suites to count
    const last = await openTask(admin, id, 'Task_Return');
    await reception.post(`/api/tasks/${last.id}/complete`, { variables: {} }).expect(200);
    await request(server.url).get('/api/public/dossiers/000.00.20.H15-261128-9999').expect(404);
  }
}

describe('DB_NAMED_STATEMENTS (e2e)', () => {
  const saved = process.env.DB_NAMED_STATEMENTS;
  afterAll(() => {
    if (saved === undefined) delete process.env.DB_NAMED_STATEMENTS;
    else process.env.DB_NAMED_STATEMENTS = saved;
  });

  it("names the hot path's statements by default (the check sees them)", async () => {
    delete process.env.DB_NAMED_STATEMENTS;
    const server = await startTestServer({ runWorkers: false });
    try {
      await hotPath(server);
      expect(await namedStatementsOnPool(server)).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });

  it('prepares no named statement on any connection with DB_NAMED_STATEMENTS=false', async () => {
    process.env.DB_NAMED_STATEMENTS = 'false';
    const server = await startTestServer({ runWorkers: false });
    try {
      await hotPath(server);
      expect(await namedStatementsOnPool(server)).toBe(0);
    } finally {
      await server.close();
    }
  });
});
