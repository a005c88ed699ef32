import request from 'supertest';
import { startTestServer, type TestServer } from '../../support/test-app';
import { signIn } from '../workflow.helpers';

/** Issue 9 item 6: request ids, Prometheus metrics, readiness and liveness. */
describe('observability', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('answers readiness with Postgres, Redis and migrations, and liveness', async () => {
    await request(server.url)
      .get('/health/ready')
      .expect(200, { status: 'ok', checks: { postgres: 'up', redis: 'up', migrations: 'up' } });
    await request(server.url).get('/health/live').expect(200, { status: 'ok' });
  });

  it('returns the request id it was sent, or a new one', async () => {
    const given = await request(server.url).get('/health/live').set('X-Request-Id', 'abc-123.x');
    expect(given.headers['x-request-id']).toBe('abc-123.x');
    const generated = await request(server.url).get('/api/procedures');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const forged = await request(server.url).get('/health/live').set('X-Request-Id', 'a b\\"{}');
    expect(forged.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('exposes HTTP latency by route, engine commands, job lag, queue depth and open incidents', async () => {
    // given: a login and a reception, which starts a process (engine commands)
    const reception = await signIn(server, 'reception');
    await reception
      .post('/api/dossiers', {
        procedureCode: '1.001612',
        applicant: { fullName: 'Lê Thị Mai', idNumber: '066190007777', phone: '0905000777' },
        channel: 'direct',
        documents: ['giay-de-nghi', 'giay-to-phap-ly'],
      })
      .expect(201);
    // when
    const res = await request(server.url).get('/metrics').expect(200);
    // then
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const text: string = res.text;
    expect(text).toMatch(
      /motcua_http_request_duration_seconds_bucket\{[^}]*method="POST",route="\/api\/auth\/login",status="200"/,
    );
    expect(text).toMatch(
      /motcua_http_request_duration_seconds_count\{method="POST",route="\/api\/dossiers",status="201"\} [1-9]/,
    );
    expect(Number(/motcua_engine_commands_total\{status="running"\} (\d+)/.exec(text)?.[1])).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/^motcua_job_lag_seconds \d/m);
    expect(text).toMatch(/^motcua_jobs\{status="pending"\} \d+/m);
    expect(text).toMatch(/^motcua_queue_depth\{state="delayed"\} \d+/m);
    expect(text).toMatch(/^motcua_incidents_open \d+/m);
    expect(text).toMatch(/^motcua_sms_outbox_pending \d+/m);
    expect(text).toMatch(/^motcua_process_cpu_seconds_total /m);
  });

  it('labels routes by pattern, not by raw URL', async () => {
    await request(server.url).get('/api/public/dossiers/KHONG-CO-123').expect(404);
    const text = (await request(server.url).get('/metrics').expect(200)).text;
    expect(text).toContain('route="/api/public/dossiers/:code"');
    expect(text).not.toContain('KHONG-CO-123');
  });

  it('asks for METRICS_TOKEN when one is configured', async () => {
    process.env.METRICS_TOKEN = 'metrics-token-for-tests';
    try {
      await request(server.url).get('/metrics').expect(401);
      await request(server.url).get('/metrics').set('Authorization', 'Bearer metrics-token-for-tests').expect(200);
    } finally {
      delete process.env.METRICS_TOKEN;
    }
  });
});
