import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { TestServer } from '../support/test-app';
import { db } from './workflow.helpers';

/** Shared steps of the administration suites: an API client per token, accounts created over HTTP. */
export interface AdminApi {
  get(path: string): request.Test;
  post(path: string, body?: object): request.Test;
  patch(path: string, body: object): request.Test;
  delete(path: string): request.Test;
  deployXml(xml: string): request.Test;
}

export function apiAs(server: TestServer, token: string): AdminApi {
  const auth = `Bearer ${token}`;
  return {
    get: (path) => request(server.url).get(path).set('Authorization', auth),
    post: (path, body) =>
      request(server.url)
        .post(path)
        .set('Authorization', auth)
        .send(body ?? {}),
    patch: (path, body) => request(server.url).patch(path).set('Authorization', auth).send(body),
    delete: (path) => request(server.url).delete(path).set('Authorization', auth),
    deployXml: (xml) =>
      request(server.url).post('/api/definitions').set('Authorization', auth).set('Content-Type', 'text/xml').send(xml),
  };
}

export function login(server: TestServer, username: string, password: string): request.Test {
  return request(server.url).post('/api/auth/login').send({ username, password });
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/** A strong password no other test uses. */
export function strongPassword(): string {
  return `Sen-Hong-${randomUUID().slice(0, 6)}`;
}

/**
 * Creates an account over the admin API, signs it in, changes the temporary password and
 * returns a client for it (what an officer does on the first day).
 */
export async function officerReady(
  server: TestServer,
  admin: AdminApi,
  input: { unitCode: string; roles: string[] },
): Promise<{ username: string; api: AdminApi }> {
  const username = uniqueName('cb');
  const initial = strongPassword();
  await admin.post('/api/admin/users', { username, fullName: 'Cán bộ mới', password: initial, ...input }).expect(201);
  const token = (await login(server, username, initial).expect(200)).body.accessToken as string;
  // The change ends the temporary session's token and answers the one to go on with.
  const changed = await apiAs(server, token)
    .post('/api/auth/password', { currentPassword: initial, newPassword: strongPassword() })
    .expect(200);
  return { username, api: apiAs(server, changed.body.accessToken) };
}

/** Rows that a refused admin request must leave as they were. */
export async function adminCounts(server: TestServer): Promise<Record<string, number>> {
  const [row] = await db(server).query(`SELECT
    (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM units) AS units,
    (SELECT count(*)::int FROM audit_log WHERE action LIKE 'admin.%') AS "adminAudit",
    (SELECT md5(string_agg(code || ':' || coalesce(parent_id::text, '') || ':' || active, ',' ORDER BY code)) FROM units) AS "unitTree",
    (SELECT md5(string_agg(username || ':' || array_to_string(roles, '|') || ':' || active || ':' || unit_id, ',' ORDER BY username)) FROM users) AS accounts`);
  return row;
}
