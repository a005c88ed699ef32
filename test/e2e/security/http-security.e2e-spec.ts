import request from 'supertest';
import { startTestServer, type TestServer } from '../../support/test-app';

const ALLOWED = 'https://motcua.daklak.gov.vn';

/** Issue 9 item 5: security headers on every answer; CORS only for the configured origins. */
describe('security headers and CORS', () => {
  let server: TestServer;
  beforeAll(async () => {
    process.env.CORS_ORIGINS = `${ALLOWED}, https://kiosk.daklak.gov.vn`;
    try {
      server = await startTestServer();
    } finally {
      delete process.env.CORS_ORIGINS;
    }
  });
  afterAll(() => server.close());

  it.each(['/api/procedures', '/api/tasks', '/health/live', '/api/no-such-route'])(
    'sends helmet headers and the CSP on %s',
    async (path) => {
      const res = await request(server.url).get(path);
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['content-security-policy']).toContain("object-src 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['permissions-policy']).toContain('camera=(self)');
      expect(res.headers['x-powered-by']).toBeUndefined();
    },
  );

  it('answers a preflight from a configured origin', async () => {
    const res = await request(server.url)
      .options('/api/auth/login')
      .set('Origin', ALLOWED)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type,authorization');
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(res.headers['access-control-allow-headers']).toMatch(/Authorization/);
    const get = await request(server.url).get('/api/procedures').set('Origin', ALLOWED).expect(200);
    expect(get.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(get.headers['access-control-expose-headers']).toContain('X-Request-Id');
  });

  it('lets a configured origin send Idempotency-Key and read Idempotency-Replayed (issue 15)', async () => {
    // when a page of another allowed origin prepares a keyed POST
    const res = await request(server.url)
      .options('/api/dossiers')
      .set('Origin', ALLOWED)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization,content-type,idempotency-key');
    // then the key may be sent, and the replay marker read
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-headers']).toMatch(/Idempotency-Key/);
    const get = await request(server.url).get('/api/procedures').set('Origin', ALLOWED).expect(200);
    expect(get.headers['access-control-expose-headers']).toContain('Idempotency-Replayed');
  });

  it('gives no CORS grant to any other origin', async () => {
    for (const origin of [
      'https://evil.example',
      'https://motcua.daklak.gov.vn.evil.example',
      'null',
      'http://motcua.daklak.gov.vn',
    ]) {
      const res = await request(server.url)
        .options('/api/auth/login')
        .set('Origin', origin)
        .set('Access-Control-Request-Method', 'POST');
      expect({ origin, allow: res.headers['access-control-allow-origin'] }).toEqual({ origin, allow: undefined });
      const get = await request(server.url).get('/api/procedures').set('Origin', origin);
      expect({ origin, allow: get.headers['access-control-allow-origin'] }).toEqual({ origin, allow: undefined });
    }
  });
});
