import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { UsersService } from '../../libs/identity/src';
import type { TestServer } from '../support/test-app';

/** Shared steps of the workflow suites: sign in as demo users, call the API, wait for async work. */
export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'motcua-demo';
export const CITY = '000.00.20.H15';

export function fixture(name: string): string {
  const engine = join(__dirname, '..', '..', 'libs', 'engine', 'src', '__fixtures__', name);
  const local = join(__dirname, 'fixtures', name);
  try {
    return readFileSync(local, 'utf8');
  } catch {
    return readFileSync(engine, 'utf8');
  }
}

export function processFile(name: string): string {
  return readFileSync(join(__dirname, '..', '..', 'processes', name), 'utf8');
}

/** Replaces the process id (the deployment key), so each scenario deploys its own key. */
export function withKey(xml: string, from: string, to: string): string {
  return xml.split(`"${from}"`).join(`"${to}"`);
}

export interface Api {
  get(path: string): request.Test;
  post(path: string, body?: object): request.Test;
  delete(path: string): request.Test;
  deployXml(xml: string): request.Test;
}

export async function signIn(server: TestServer, username: string): Promise<Api> {
  const res = await request(server.url).post('/api/auth/login').send({ username, password: DEMO_PASSWORD }).expect(200);
  return client(server, res.body.accessToken);
}

function client(server: TestServer, token: string): Api {
  const auth = `Bearer ${token}`;
  return {
    get: (path) => request(server.url).get(path).set('Authorization', auth),
    post: (path, body) =>
      request(server.url)
        .post(path)
        .set('Authorization', auth)
        .send(body ?? {}),
    delete: (path) => request(server.url).delete(path).set('Authorization', auth),
    deployXml: (xml) =>
      request(server.url).post('/api/definitions').set('Authorization', auth).set('Content-Type', 'text/xml').send(xml),
  };
}

/** Polls until `probe` returns a truthy value (async work: BullMQ jobs, retries). */
export async function eventually<T>(
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs = 15_000,
  everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
}

export interface TaskJson {
  id: string;
  elementId: string;
  name: string;
  status: string;
  assignee: string | null;
  unitCode: string;
  candidateGroups: string[];
  instanceId: string;
  businessKey: string | null;
  dueAt: string | null;
  createdAt: string;
}

/** The open task of an element in an instance (via the admin instance view). */
export async function openTask(admin: Api, instanceId: string, elementId: string): Promise<TaskJson> {
  const res = await admin.get(`/api/instances/${instanceId}`).expect(200);
  const task = (res.body.tasks as TaskJson[]).find((t) => t.elementId === elementId && t.status === 'open');
  if (!task)
    throw new Error(
      `no open task at ${elementId}; tasks: ${JSON.stringify(res.body.tasks.map((t: TaskJson) => [t.elementId, t.status]))}`,
    );
  return task;
}

/** HS256 token for a user id, signed with the test secret (skips the password hash of a login). */
function tokenFor(user: { id: string; username: string }): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: user.id, username: user.username, iat: Math.floor(Date.now() / 1000) })}`;
  return `${unsigned}.${createHmac('sha256', process.env.JWT_SECRET!).update(unsigned).digest('base64url')}`;
}

/** `count` new officers of a unit with the given roles, each with an API client. */
export async function newOfficers(
  server: TestServer,
  count: number,
  roles: string[],
  unitCode = CITY,
): Promise<{ username: string; id: string; api: Api }[]> {
  const users = server.app.get(UsersService);
  return Promise.all(
    Array.from({ length: count }, async () => {
      const username = `wf-${randomUUID().slice(0, 8)}`;
      const user = await users.create({
        username,
        fullName: 'Cán bộ thử nghiệm',
        unitCode,
        roles,
        password: `pw-${randomUUID()}`,
      });
      return { username, id: user.id, api: client(server, tokenFor({ id: user.id, username })) };
    }),
  );
}

/** Raw SQL for givens and row counts (nothing-changed checks). */
export function db(server: TestServer): DataSource {
  return server.app.get(DataSource);
}

export async function rowCounts(server: TestServer): Promise<Record<string, number>> {
  const [row] = await db(server).query(`SELECT
    (SELECT count(*)::int FROM process_definitions) AS definitions, (SELECT count(*)::int FROM process_instances) AS instances,
    (SELECT count(*)::int FROM tasks) AS tasks, (SELECT count(*)::int FROM jobs) AS jobs,
    (SELECT count(*)::int FROM history_events) AS history, (SELECT count(*)::int FROM incidents) AS incidents,
    (SELECT coalesce(sum(rev), 0)::int FROM process_instances) AS revisions,
    (SELECT count(*)::int FROM tasks WHERE assignee IS NOT NULL) AS assigned,
    (SELECT count(*)::int FROM tasks WHERE status = 'open') AS open`);
  return row;
}

/** As `username` (an administrator), declares the units a key's steps may be drawn on outside their subtree (issue 15). */
export async function declarePartners(
  server: TestServer,
  username: string,
  key: string,
  unitCodes: string[],
): Promise<void> {
  const res = await request(server.url).post('/api/auth/login').send({ username, password: DEMO_PASSWORD }).expect(200);
  await request(server.url)
    .put(`/api/definitions/${key}/partners`)
    .set('Authorization', `Bearer ${res.body.accessToken}`)
    .send({ unitCodes })
    .expect(200);
}
