import request from 'supertest';
import { startTestServer, type TestServer } from '../../support/test-app';
import { DEMO_PASSWORD, signIn, type Api } from '../workflow.helpers';

/** Every list that pages with `?offset=`. */
const LISTS = [
  '/api/tasks',
  '/api/definitions',
  '/api/incidents',
  '/api/notifications',
  '/api/dossiers',
  '/api/procedures',
  '/api/admin/procedures',
  '/api/admin/users',
  '/api/admin/audit',
  '/api/admin/operations/jobs',
  '/api/admin/operations/incidents',
  '/api/admin/operations/sms',
  '/api/reports/overdue',
];

/** Dates at the edges of what JavaScript and Postgres read (year 0, year ±200000). */
const DATE_QUERIES = [
  '/api/public/stats?from=0000-01-01&to=2026-01-01',
  '/api/reports/summary?from=0000-01-01&to=2026-01-01',
  '/api/reports/breakdown?from=0000-01-01&to=2026-01-01',
  '/api/reports/trend?from=0000-01-01&to=2026-01-01',
  '/api/admin/audit?from=-200000-01-01T00:00:00Z',
  '/api/admin/audit?to=%2B275760-09-13T00:00:00Z',
  '/api/calendar/preview?from=0000-01-01T00:00:00Z&procedure=1.001612',
];

/**
 * Issue 15 item 12: values Postgres would refuse are refused at the edge with a 4xx, so that a
 * refusal by Postgres can be treated as the server bug it is (500, logged).
 */
describe('numbers and dates are bounded at the edge', () => {
  let server: TestServer;
  let admin: Api;
  let adminToken: string;
  beforeAll(async () => {
    server = await startTestServer({ runWorkers: false });
    admin = await signIn(server, 'admin');
    adminToken = (
      await request(server.url).post('/api/auth/login').send({ username: 'admin', password: DEMO_PASSWORD }).expect(200)
    ).body.accessToken;
  });
  afterAll(() => server.close());

  it.each(LISTS)(
    'refuses an offset past 1,000,000 on %s with 400 VALIDATION_FAILED, and pages up to it',
    async (path) => {
      const past = await admin.get(`${path}?offset=99999999999999999999`);
      const deepest = await admin.get(`${path}?offset=1000000`);
      expect(`${past.status} ${past.body.code}`).toBe('400 VALIDATION_FAILED');
      expect(past.body.message).toMatch(/offset/);
      expect(deepest.status).toBe(200);
    },
  );

  it.each(['2147483648', '9007199254740993', '99999999999999999999'])(
    'refuses version %s of a definition with 400',
    async (version) => {
      const res = await admin.get(`/api/definitions/any-key/xml?version=${version}`);
      expect(`${res.status} ${res.body.code}`).toBe('400 VALIDATION_FAILED');
    },
  );

  it('refuses a migration to version 2^53 and a procedure bound to it with 400', async () => {
    const migration = await admin.post('/api/admin/migrations/plan', {
      definitionKey: 'any-key',
      fromVersion: 1,
      toVersion: 2 ** 53,
    });
    const procedure = await request(server.url)
      .put('/api/admin/procedures/1.001612')
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ processVersion: 2 ** 31 });
    expect(`${migration.status} ${migration.body.code}`).toBe('400 VALIDATION_FAILED');
    expect(`${procedure.status} ${procedure.body.code}`).toBe('400 VALIDATION_FAILED');
    expect(procedure.body.message).toMatch(/processVersion/);
  });

  it.each(DATE_QUERIES)('answers %s without a server error', async (path) => {
    const res = await admin.get(path);
    expect({ path, status: res.status < 500 }).toEqual({ path, status: true });
  });

  it('refuses an audit filter date Postgres cannot store with 400 VALIDATION_FAILED', async () => {
    for (const date of ['-200000-01-01T00:00:00Z', '%2B275760-09-13T00:00:00Z']) {
      const res = await admin.get(`/api/admin/audit?from=${date}`);
      expect({ date, answer: `${res.status} ${res.body.code}` }).toEqual({ date, answer: '400 VALIDATION_FAILED' });
    }
  });
});
