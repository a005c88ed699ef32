import request from 'supertest';
import { startTestServer, type TestServer } from '../support/test-app';

describe('health', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('reports Postgres and Redis up when both answer', async () => {
    // when
    const res = await request(server.url).get('/health');
    // then
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', checks: { postgres: 'up', redis: 'up', migrations: 'up' } });
  });

  it('answers liveness without a token', async () => {
    await request(server.url).get('/health/live').expect(200, { status: 'ok' });
  });

  it('serves the OpenAPI document', async () => {
    const res = await request(server.url).get('/api/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/definitions', '/api/tasks/{id}/complete']),
    );
  });
});
