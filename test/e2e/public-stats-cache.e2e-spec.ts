import request from 'supertest';
import { startTestServer, type TestServer } from '../support/test-app';

jest.setTimeout(60_000);

/**
 * Feature: the public aggregate is computed at most once per period per `STATS_CACHE_SECONDS` in a
 * process (it reads every dossier of the period: 0.5 s at province size), and says when.
 */
describe('public stats cache (e2e)', () => {
  let server: TestServer;
  const saved = process.env.STATS_CACHE_SECONDS;
  const get = (query = '') => request(server.url).get(`/api/public/stats${query}`).expect(200);

  beforeAll(async () => {
    process.env.STATS_CACHE_SECONDS = '1';
    server = await startTestServer();
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.STATS_CACHE_SECONDS;
    else process.env.STATS_CACHE_SECONDS = saved;
    await server?.close();
  });

  it('answers a period from one computation for its lifetime, then computes it again', async () => {
    // when ten visitors open the page for a new period at once, and one more a moment later
    const period = '?from=2026-01-01&to=2026-06-30';
    const burst = await Promise.all(Array.from({ length: 10 }, () => get(period)));
    const later = await get(period);
    // then they all got the same computation, which says when it was made
    const asOf = burst[0].body.asOf as string;
    expect(new Date(asOf).getTime()).toBeGreaterThan(Date.now() - 5_000);
    expect(new Set([...burst, later].map((r) => r.body.asOf))).toEqual(new Set([asOf]));
    expect(later.headers['cache-control']).toBe('public, max-age=1');
    // and another period is its own computation
    const other = await get('?from=2025-01-01&to=2025-12-31');
    expect(other.body.from).toBe('2025-01-01');
    // and after the lifetime the period is computed again
    await new Promise((r) => setTimeout(r, 1_100));
    const fresh = await get(period);
    expect(new Date(fresh.body.asOf).getTime()).toBeGreaterThan(new Date(asOf).getTime());
  });

  it('does not keep a refusal: a malformed day is 400 every time', async () => {
    for (let i = 0; i < 2; i++)
      expect((await request(server.url).get('/api/public/stats?from=hôm-qua').expect(400)).body.code).toBe(
        'VALIDATION_FAILED',
      );
  });
});
