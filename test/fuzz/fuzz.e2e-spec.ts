import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { httpRoutes } from '../e2e/security/http-routes';
import { startTestServer, type TestServer } from '../support/test-app';
import { bpmnMutations } from './bpmn.mutations';
import { bindPath, buildFuzzFixture, exampleBody, tokenFor, type FuzzFixture } from './fuzz.fixture';
import { FuzzTally, loopback, runCases, type FuzzRequest } from './fuzz.runner';
import { bodyCases } from './json-bodies';
import { BOUNDARY_QUERIES, queryString } from './query-strings';

/**
 * Issue 9 item 4: 10,000 generated requests against one real server — mutated BPMN to validate
 * and deploy, random JSON bodies for every endpoint that takes one (read from the running app),
 * SMS texts, lookup codes and keys. No answer may be 5xx, no request may go unanswered, and the
 * server must still be ready afterwards. `FUZZ_SEED` replays a run; `FUZZ_CASES` scales it.
 */
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
const TOTAL = Number(process.env.FUZZ_CASES ?? 10_000);
const SHARE = { bpmn: 0.2, bodies: 0.42, queries: 0.08, sms: 0.15, lookup: 0.15 };
const ROOT = join(__dirname, '..', '..');

describe('fuzzing', () => {
  let server: TestServer;
  let fixture: FuzzFixture;
  const tally = new FuzzTally();

  beforeAll(async () => {
    server = await startTestServer();
    fixture = await buildFuzzFixture(server);
    console.log(`fuzz seed ${SEED} (FUZZ_SEED=${SEED} replays this run)`);
  });
  afterAll(async () => {
    console.log(tally.summary());
    await server?.close();
  });

  it('validates and deploys mutated BPMN without a server error', async () => {
    const sources = bpmnSources();
    const cases = fc.sample(fc.tuple(fc.constantFrom(...sources), bpmnMutations, fc.boolean()), { numRuns: Math.round(TOTAL * SHARE.bpmn), seed: SEED });
    const requests = cases.map(([source, mutations, deploy], index): FuzzRequest => {
      const xml = mutations.reduce((text, mutate) => mutate(text), ownProcessIds(source, index));
      const path = deploy && deployable(xml) ? '/api/definitions' : '/api/definitions/validate';
      return { method: 'POST', path, headers: { authorization: `Bearer ${fixture.tokens.admin}`, 'content-type': 'text/xml' }, body: Buffer.from(xml) };
    });
    await runCases(server.url, 'bpmn', requests, tally);
    expect(tally.errorsOf('bpmn')).toEqual([]);
  }, 150_000);

  it('answers random JSON bodies on every endpoint that takes one with 2xx/4xx', async () => {
    const routes = httpRoutes(server.app).filter((route) => ['POST', 'PUT', 'PATCH'].includes(route.method));
    const perRoute = Math.ceil((TOTAL * SHARE.bodies) / routes.length);
    for (const [index, route] of routes.entries()) {
      const bodies = fc.sample(bodyCases(exampleBody(route.method, route.path, fixture)), { numRuns: perRoute, seed: SEED + index });
      const token = tokenFor(route.method, route.path, fixture);
      const requests = bodies.map((body): FuzzRequest => ({
        method: route.method,
        path: bindPath(route.path, fixture),
        headers: { 'content-type': body.contentType, ...(token ? { authorization: `Bearer ${token}` } : {}), ...(route.path === '/api/sms/inbound' ? { 'x-sms-secret': process.env.SMS_INBOUND_SECRET! } : {}) },
        body: body.text,
      }));
      await runCases(server.url, 'json bodies', requests, tally);
    }
    expect(tally.errorsOf('json bodies')).toEqual([]);
  }, 240_000);

  it('answers random and boundary query strings on every GET endpoint', async () => {
    const routes = httpRoutes(server.app).filter((route) => route.method === 'GET' && route.path.startsWith('/api/') && !route.path.startsWith('/api/docs'));
    const perRoute = Math.ceil((TOTAL * SHARE.queries) / routes.length);
    for (const [index, route] of routes.entries()) {
      const token = tokenFor(route.method, route.path, fixture);
      const path = bindPath(route.path, fixture);
      const queries = [...BOUNDARY_QUERIES, ...fc.sample(queryString, { numRuns: perRoute, seed: SEED + 1000 + index })];
      const requests = queries.map((query): FuzzRequest => ({
        method: 'GET',
        path: `${path}${path.includes('?') ? '&' : '?'}${query}`,
        headers: token ? { authorization: `Bearer ${token}` } : {},
        localAddress: route.path.startsWith('/api/public') ? loopback(50_000 + index * perRoute) : undefined,
      }));
      await runCases(server.url, 'queries', requests, tally);
    }
    expect(tally.errorsOf('queries')).toEqual([]);
  }, 120_000);

  it('answers random SMS texts', async () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      fc.tuple(fc.constantFrom('HS', 'hs', 'TRACUU', 'tra cuu', 'Tra cứu', 'HS:', '  hs\t'), fc.oneof(fc.constant(fixture.dossier), fc.string({ maxLength: 40 }), fc.stringMatching(/^\d{3}\.\d{2}\.\d{2}\.H\d{2}-\d{6}-\d{4}$/))).map(([verb, code]) => `${verb} ${code}`),
      fc.integer({ min: 161, max: 200_000 }).map((n) => 'HS '.padEnd(n, 'x')),
    );
    const phone = fc.oneof(fc.stringMatching(/^(0|\+84)\d{9}$/), fc.string({ maxLength: 20 }), fc.constant(''));
    const cases = fc.sample(fc.tuple(text, phone, fc.boolean()), { numRuns: Math.round(TOTAL * SHARE.sms), seed: SEED });
    const requests = cases.map(([body, from, form]): FuzzRequest => ({
      method: 'POST',
      path: '/api/sms/inbound',
      headers: { 'x-sms-secret': process.env.SMS_INBOUND_SECRET!, 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' },
      body: form ? new URLSearchParams({ From: from, Body: body }).toString() : JSON.stringify({ from, text: body }),
    }));
    await runCases(server.url, 'sms', requests, tally);
    expect(tally.errorsOf('sms')).toEqual([]);
  }, 120_000);

  it('answers random lookup codes and keys', async () => {
    const code = fc.oneof(fc.constant(fixture.dossier), fc.stringMatching(/^\d{3}\.\d{2}\.\d{2}\.H\d{2}-\d{6}-\d{4}$/), fc.string({ unit: 'grapheme', maxLength: 80 }), fc.integer({ min: 1000, max: 20_000 }).map((n) => 'A'.repeat(n)));
    const key = fc.option(fc.oneof(fc.stringMatching(/^[A-Z2-9]{6}$/), fc.string({ unit: 'grapheme', maxLength: 30 })), { nil: undefined });
    const raw = fc.constantFrom('%', '%E0%A4%A', '%00', '..%2F..%2Fetc%2Fpasswd', '%F0%9F%98', '%2e%2e');
    const cases = fc.sample(fc.tuple(fc.oneof({ weight: 9, arbitrary: code.map(encodeURIComponent) }, { weight: 1, arbitrary: raw }), key), { numRuns: Math.round(TOTAL * SHARE.lookup), seed: SEED });
    const requests = cases.map(([encoded, k], index): FuzzRequest => ({
      method: 'GET',
      path: `/api/public/dossiers/${encoded}${k === undefined ? '' : `?key=${encodeURIComponent(k)}`}`,
      headers: { accept: 'application/json' },
      localAddress: loopback(index + 1),
    }));
    await runCases(server.url, 'lookup', requests, tally);
    expect(tally.errorsOf('lookup')).toEqual([]);
  }, 120_000);

  it('ran 10,000 cases and the server is still ready', async () => {
    expect(tally.total).toBeGreaterThanOrEqual(TOTAL);
    expect(tally.serverErrors).toEqual([]);
    await request(server.url).get('/health/ready').expect(200);
    await request(server.url).get(`/api/public/dossiers/${fixture.dossier}`).expect(200);
  });
});

/** BPMN to mutate: the shipped procedures, the engine's fixtures, the e2e fixtures and the MIWG reference models. */
function bpmnSources(): string[] {
  const dirs = [join(ROOT, 'processes'), join(ROOT, 'libs', 'engine', 'src', '__fixtures__'), join(ROOT, 'test', 'e2e', 'fixtures'), join(ROOT, '..', 'shared', 'fixtures', 'miwg')];
  const files = dirs.flatMap((dir) => {
    try {
      return readdirSync(dir).filter((name) => name.endsWith('.bpmn')).map((name) => join(dir, name));
    } catch {
      return [];
    }
  });
  return files.map((file) => readFileSync(file, 'utf8'));
}

/** Process ids (the deployment keys) made the fuzzer's own, and no catalog binding. */
function ownProcessIds(xml: string, index: number): string {
  return xml.replace(/(<(?:\w+:)?process\b[^>]*?\bid=")([^"]*)"/g, `$1fuzz_${SEED}_${index}_$2"`).replace(/\smc:procedureCode="[^"]*"/g, '');
}

/** Deploy only what cannot reach beyond itself: own keys, no timer cycles, no message or signal starts. */
function deployable(xml: string): boolean {
  const ids = [...xml.matchAll(/<(?:\w+:)?process\b[^>]*?\bid="([^"]*)"/g)].map((m) => m[1]);
  return ids.length > 0 && ids.every((id) => id.startsWith('fuzz_')) && !/timeCycle|signalEventDefinition|messageEventDefinition|procedureCode/.test(xml);
}
