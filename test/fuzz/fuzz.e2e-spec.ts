import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { httpRoutes, type HttpRoute } from '../e2e/security/http-routes';
import { startTestServer, type TestServer } from '../support/test-app';
import { bpmnMutations } from './bpmn.mutations';
import { bodyDtos, stringFields, withValue } from './dto-limits';
import { bindPath, buildFuzzFixture, exampleBody, tokenFor, type FuzzFixture } from './fuzz.fixture';
import { FuzzTally, LagMonitor, runCases, type FuzzRequest } from './fuzz.runner';
import { harmless, HOSTILE_KINDS, hostileDiagram } from './hostile-bpmn';
import { bodyCases, deepBodyCases, oversizedLengths, oversizedValue } from './json-bodies';
import { BOUNDARY_QUERIES, queryString } from './query-strings';

/**
 * Issues 9 (item 4) and 15: at least 20,000 generated requests against one real server — mutated
 * and hostile BPMN (DOCTYPE, forbidden character references, FEEL loops and catastrophic regexes,
 * millisecond timer cycles, self-calls, cardinality 10^8, 10,000 nested subprocesses), random,
 * deeply nested (to 10,000 levels, NUL below level 64) and oversized (each string field past its
 * DTO bound, up to the body limit) JSON bodies for every endpoint that takes one (read from the
 * running app), query strings, SMS texts, lookup codes and keys. No answer may be 5xx, no request
 * may go unanswered, every case must reach the code it tests (under 1% answered 429 by a rate
 * limiter: each case comes from its own loopback address, each SMS from its own number), the
 * event loop's lag p99 under the load stays within 100 ms, and the server is still ready
 * afterwards. `FUZZ_SEED` replays a run; `FUZZ_CASES` scales it; `FUZZ_ONLY=deep,hostile` runs
 * some families.
 */
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
const TOTAL = Number(process.env.FUZZ_CASES ?? 20_000);
const ONLY = process.env.FUZZ_ONLY?.split(',');
// Cheap families (SMS, lookup, queries) carry more of the count; bodies that cost the server a hash or a megabyte, less.
const SHARE = { bpmn: 0.12, hostile: 0.01, bodies: 0.2, deep: 0.1, queries: 0.1, sms: 0.22, lookup: 0.22 };
/** The bound of issue 15 item 1: no request may hold the event loop longer than this. */
const MAX_LAG_P99_MS = 100;
/** Under this share of 429s, the cases reached the code they test (issue 15 item 12). */
const MAX_THROTTLED_SHARE = 0.01;
const ROOT = join(__dirname, '..', '..');
const SMS_SECRET = () => process.env.SMS_INBOUND_SECRET!;

const family = (name: string) => (ONLY && !ONLY.includes(name) ? it.skip : it);

describe('fuzzing', () => {
  let server: TestServer;
  let fixture: FuzzFixture;
  const tally = new FuzzTally();
  const lag = new LagMonitor();
  const started = Date.now();

  beforeAll(async () => {
    server = await startTestServer();
    fixture = await buildFuzzFixture(server);
    console.log(`fuzz seed ${SEED} (FUZZ_SEED=${SEED} replays this run)`);
  });
  afterAll(async () => {
    console.log(`${tally.summary()}\n${lag.summary()}\nfuzz run took ${((Date.now() - started) / 1000).toFixed(0)} s`);
    await server?.close();
  });

  /** The routes that take a body, read from the running app. */
  const bodyRoutes = () => httpRoutes(server.app).filter((route) => ['POST', 'PUT', 'PATCH'].includes(route.method));

  /** A body for a route, sent as the caller who gets past its guard, from a sender of its own if it is an SMS. */
  function bodyRequest(route: HttpRoute, text: string, contentType = 'application/json'): FuzzRequest {
    const token = tokenFor(route.method, route.path, fixture);
    const sms = route.path === '/api/sms/inbound';
    return {
      method: route.method,
      path: bindPath(route.path, fixture),
      headers: {
        'content-type': contentType,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(sms ? { 'x-sms-secret': SMS_SECRET() } : {}),
      },
      // The SMS limit counts per sender number: the example's number would answer 429 from its 11th case on.
      body: sms
        ? text.replace(`"${exampleBody(route.method, route.path, fixture).from}"`, JSON.stringify(nextPhone()))
        : text,
      then: route.path === '/api/dossiers' && route.method === 'POST' ? printReceipt : undefined,
    };
  }

  /** A received dossier's receipt printed: the PDF is where a long address cost seconds. */
  function printReceipt(status: number, answer: string): FuzzRequest | undefined {
    const code = status === 201 ? (JSON.parse(answer) as { code?: string }).code : undefined;
    return code
      ? {
          method: 'GET',
          path: `/api/dossiers/${encodeURIComponent(code)}/receipt.pdf`,
          headers: { authorization: `Bearer ${fixture.tokens.reception}` },
        }
      : undefined;
  }

  family('bpmn')(
    'validates and deploys mutated BPMN without a server error',
    async () => {
      const sources = bpmnSources();
      const cases = fc.sample(fc.tuple(fc.constantFrom(...sources), bpmnMutations, fc.boolean()), {
        numRuns: Math.round(TOTAL * SHARE.bpmn),
        seed: SEED,
      });
      const requests = cases.map(([source, mutations, deploy], index): FuzzRequest => {
        const xml = mutations.reduce((text, mutate) => mutate(text), ownProcessIds(source, index));
        const path = deploy && deployable(xml) ? '/api/definitions' : '/api/definitions/validate';
        return {
          method: 'POST',
          path,
          headers: { authorization: `Bearer ${fixture.tokens.admin}`, 'content-type': 'text/xml' },
          body: Buffer.from(xml),
        };
      });
      await runCases(server.url, 'bpmn', requests, tally, lag);
      expect(tally.errorsOf('bpmn')).toEqual([]);
    },
    150_000,
  );

  family('hostile')(
    'deploys and starts hostile diagrams without a server error or a blocked event loop',
    async () => {
      const admin = { authorization: `Bearer ${fixture.tokens.admin}` };
      const perKind = Math.ceil((TOTAL * SHARE.hostile) / HOSTILE_KINDS.length);
      const diagrams = HOSTILE_KINDS.flatMap((kind, k) =>
        fc.sample(
          fc.nat().chain((n) => hostileDiagram(`fuzz_${SEED}_hostile_${k}_${n}`, kind)),
          { numRuns: perKind, seed: SEED + k },
        ),
      );
      const deployed: string[] = [];
      const requests = diagrams.map((diagram, index): FuzzRequest => {
        const key = `fuzz_${SEED}_hostile_${index}`;
        const xml = diagram.xml.split(diagram.key).join(key);
        return {
          method: 'POST',
          path: '/api/definitions',
          headers: { ...admin, 'content-type': 'text/xml' },
          body: xml,
          then: (status) => {
            if (status !== 201) return undefined;
            deployed.push(diagram.kind);
            // A deployed timer cycle starts instances by itself: replace it at once with a harmless version.
            if (diagram.kind === 'timer cycle')
              return {
                method: 'POST',
                path: '/api/definitions',
                headers: { ...admin, 'content-type': 'text/xml' },
                body: harmless(key),
              };
            if (!diagram.start) return undefined;
            return {
              method: 'POST',
              path: '/api/instances',
              headers: { ...admin, 'content-type': 'application/json' },
              body: JSON.stringify({ definitionKey: key, businessKey: `${key}-1` }),
              // And cancelled, so a self-calling one stops (cancellation must reach every descendant).
              then: (startedStatus, answer) =>
                startedStatus === 201
                  ? {
                      method: 'POST',
                      path: `/api/instances/${(JSON.parse(answer) as { id: string }).id}/cancel`,
                      headers: { ...admin, 'content-type': 'application/json' },
                      body: JSON.stringify({ reason: 'fuzz' }),
                    }
                  : undefined,
            };
          },
        };
      });
      await runCases(server.url, 'hostile bpmn', requests, tally, lag);
      expect(tally.errorsOf('hostile bpmn')).toEqual([]);
      // Refused at deploy (issue 15 items 1 and 7): any DOCTYPE, characters XML forbids, cycles under the minimum.
      expect(
        deployed.filter((kind) =>
          ['doctype', 'billion laughs', 'forbidden character reference', 'timer cycle'].includes(kind),
        ),
      ).toEqual([]);
    },
    300_000,
  );

  family('bodies')(
    'answers random JSON bodies on every endpoint that takes one with 2xx/4xx',
    async () => {
      const routes = bodyRoutes();
      const perRoute = Math.ceil((TOTAL * SHARE.bodies) / routes.length);
      for (const [index, route] of routes.entries()) {
        const bodies = fc.sample(bodyCases(exampleBody(route.method, route.path, fixture)), {
          numRuns: perRoute,
          seed: SEED + index,
        });
        await runCases(
          server.url,
          'json bodies',
          bodies.map((body) => bodyRequest(route, body.text, body.contentType)),
          tally,
          lag,
        );
      }
      expect(tally.errorsOf('json bodies')).toEqual([]);
    },
    240_000,
  );

  family('deep')(
    'refuses JSON bodies nested 65 to 10,000 levels (NUL at the bottom or not) on every endpoint with a 4xx',
    async () => {
      const routes = bodyRoutes();
      const perRoute = Math.ceil((TOTAL * SHARE.deep) / routes.length);
      for (const [index, route] of routes.entries()) {
        const example = exampleBody(route.method, route.path, fixture);
        const bodies = fc.sample(deepBodyCases(example), { numRuns: perRoute, seed: SEED + 2000 + index });
        // The issue's own repro on every route: a field holding 5,000 arrays.
        const repro = JSON.stringify({ ...example, z: 0 }).replace(/0}$/, `${'['.repeat(5000)}${']'.repeat(5000)}}`);
        await runCases(
          server.url,
          'deep bodies',
          [repro, ...bodies.map((body) => body.text)].map((text) => bodyRequest(route, text)),
          tally,
          lag,
        );
      }
      expect(tally.errorsOf('deep bodies')).toEqual([]);
      // Nesting beyond 64 levels is never accepted (issue 15 item 1: 400 BODY_TOO_DEEP at the body parser).
      expect(tally.countOf('2xx', 'deep bodies')).toBe(0);
    },
    240_000,
  );

  family('oversized')(
    'answers every string field past its DTO bound and up to the body limit with a 4xx',
    async () => {
      const dtos = bodyDtos(server.app);
      for (const route of bodyRoutes()) {
        const example = exampleBody(route.method, route.path, fixture);
        const requests = stringFields(example, dtos.get(`${route.method} ${route.path}`)).flatMap((field) =>
          oversizedLengths(field.maxLength).flatMap((length) =>
            [false, true].map((vietnamese) =>
              bodyRequest(
                route,
                JSON.stringify(
                  withValue(example, field.path, oversizedValue(String(field.path.at(-1)), length, vietnamese)),
                ),
              ),
            ),
          ),
        );
        await runCases(server.url, 'oversized', requests, tally, lag);
      }
      expect(tally.errorsOf('oversized')).toEqual([]);
    },
    240_000,
  );

  family('queries')(
    'answers random and boundary query strings on every GET endpoint',
    async () => {
      const routes = httpRoutes(server.app).filter(
        (route) => route.method === 'GET' && route.path.startsWith('/api/') && !route.path.startsWith('/api/docs'),
      );
      const perRoute = Math.ceil((TOTAL * SHARE.queries) / routes.length);
      for (const [index, route] of routes.entries()) {
        const token = tokenFor(route.method, route.path, fixture);
        const path = bindPath(route.path, fixture);
        const queries = [
          ...BOUNDARY_QUERIES,
          ...fc.sample(queryString, { numRuns: perRoute, seed: SEED + 1000 + index }),
        ];
        const requests = queries.map((query): FuzzRequest => ({
          method: 'GET',
          path: `${path}${path.includes('?') ? '&' : '?'}${query}`,
          headers: token ? { authorization: `Bearer ${token}` } : {},
        }));
        await runCases(server.url, 'queries', requests, tally, lag);
      }
      expect(tally.errorsOf('queries')).toEqual([]);
    },
    120_000,
  );

  family('sms')(
    'answers random SMS texts',
    async () => {
      const text = fc.oneof(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc
          .tuple(
            fc.constantFrom('HS', 'hs', 'TRACUU', 'tra cuu', 'Tra cứu', 'HS:', '  hs\t'),
            fc.oneof(
              fc.constant(fixture.dossier),
              fc.string({ maxLength: 40 }),
              fc.stringMatching(/^\d{3}\.\d{2}\.\d{2}\.H\d{2}-\d{6}-\d{4}$/),
            ),
          )
          .map(([verb, code]) => `${verb} ${code}`),
        fc.integer({ min: 161, max: 200_000 }).map((n) => 'HS '.padEnd(n, 'x')),
      );
      // The sender only feeds the limiter's key: a number of its own per case, or none (then the address, also its own).
      const sender = fc.constantFrom('number', '+84 number', 'empty', 'no digits', 'odd with number');
      const oddText = fc.string({ maxLength: 20 }).map((odd) => odd.replace(/[0-9+]/g, ''));
      const cases = fc.sample(fc.tuple(text, sender, oddText, fc.boolean()), {
        numRuns: Math.round(TOTAL * SHARE.sms),
        seed: SEED,
      });
      const requests = cases.map(([body, kind, odd, form]): FuzzRequest => {
        const phone = nextPhone();
        const from = {
          number: phone,
          '+84 number': phone.replace(/^0/, '+84'),
          empty: '',
          'no digits': odd,
          'odd with number': `${odd} ${phone} ${odd}`,
        }[kind];
        return {
          method: 'POST',
          path: '/api/sms/inbound',
          headers: {
            'x-sms-secret': SMS_SECRET(),
            'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json',
          },
          body: form
            ? new URLSearchParams({ From: from, Body: body }).toString()
            : JSON.stringify({ from, text: body }),
        };
      });
      await runCases(server.url, 'sms', requests, tally, lag);
      expect(tally.errorsOf('sms')).toEqual([]);
    },
    120_000,
  );

  family('lookup')(
    'answers random lookup codes and keys',
    async () => {
      const code = fc.oneof(
        fc.constant(fixture.dossier),
        fc.stringMatching(/^\d{3}\.\d{2}\.\d{2}\.H\d{2}-\d{6}-\d{4}$/),
        fc.string({ unit: 'grapheme', maxLength: 80 }),
        fc.integer({ min: 1000, max: 20_000 }).map((n) => 'A'.repeat(n)),
      );
      const key = fc.option(
        fc.oneof(fc.stringMatching(/^[A-Z2-9]{6}$/), fc.string({ unit: 'grapheme', maxLength: 30 })),
        { nil: undefined },
      );
      const raw = fc.constantFrom('%', '%E0%A4%A', '%00', '..%2F..%2Fetc%2Fpasswd', '%F0%9F%98', '%2e%2e');
      const cases = fc.sample(
        fc.tuple(fc.oneof({ weight: 9, arbitrary: code.map(encodeURIComponent) }, { weight: 1, arbitrary: raw }), key),
        { numRuns: Math.round(TOTAL * SHARE.lookup), seed: SEED },
      );
      const requests = cases.map(([encoded, k]): FuzzRequest => ({
        method: 'GET',
        path: `/api/public/dossiers/${encoded}${k === undefined ? '' : `?key=${encodeURIComponent(k)}`}`,
        headers: { accept: 'application/json' },
      }));
      await runCases(server.url, 'lookup', requests, tally, lag);
      expect(tally.errorsOf('lookup')).toEqual([]);
    },
    120_000,
  );

  it('ran 20,000 cases that reached their code, the event loop kept up, and the server is still ready', async () => {
    const elapsed = (Date.now() - started) / 1000;
    console.log(`${tally.total} cases in ${elapsed.toFixed(0)} s\n${lag.summary()}`);
    expect(tally.total).toBeGreaterThanOrEqual(ONLY ? 1 : TOTAL);
    expect(tally.serverErrors).toEqual([]);
    // Every family's cases reached the code they test: the rate limiters answered almost none.
    const throttled = Object.keys(tally.counts)
      .map((name) => ({ family: name, ...tally.reached(name) }))
      .filter((entry) => entry.throttled > entry.cases * MAX_THROTTLED_SHARE);
    expect(throttled).toEqual([]);
    expect(lag.samples).toBeGreaterThan(0);
    expect(lag.percentile(99)).toBeLessThanOrEqual(MAX_LAG_P99_MS);
    await request(server.url).get('/health/ready').expect(200);
    await request(server.url).get(`/api/public/dossiers/${fixture.dossier}`).expect(200);
  });
});

/** Sender numbers unused by anyone else (the SMS limit is per number and lasts an hour): 08, two digits of this run, a counter. */
const RUN = randomUUID().replace(/\D/g, '').padEnd(2, '7').slice(0, 2);
let phones = 0;
function nextPhone(): string {
  return `08${RUN}${String(phones++ % 1_000_000).padStart(6, '0')}`;
}

/** BPMN to mutate: the shipped procedures, the engine's fixtures, the e2e fixtures and the MIWG reference models. */
function bpmnSources(): string[] {
  const dirs = [
    join(ROOT, 'processes'),
    join(ROOT, 'libs', 'engine', 'src', '__fixtures__'),
    join(ROOT, 'test', 'e2e', 'fixtures'),
    join(ROOT, '..', 'shared', 'fixtures', 'miwg'),
  ];
  const files = dirs.flatMap((dir) => {
    try {
      return readdirSync(dir)
        .filter((name) => name.endsWith('.bpmn'))
        .map((name) => join(dir, name));
    } catch {
      return [];
    }
  });
  return files.map((file) => readFileSync(file, 'utf8'));
}

/** Process ids (the deployment keys) made the fuzzer's own, and no catalog binding. */
function ownProcessIds(xml: string, index: number): string {
  return xml
    .replace(/(<(?:\w+:)?process\b[^>]*?\bid=")([^"]*)"/g, `$1fuzz_${SEED}_${index}_$2"`)
    .replace(/\smc:procedureCode="[^"]*"/g, '');
}

/** Deploy only what cannot reach beyond itself: own keys, no timer cycles, no message or signal starts. */
function deployable(xml: string): boolean {
  const ids = [...xml.matchAll(/<(?:\w+:)?process\b[^>]*?\bid="([^"]*)"/g)].map((m) => m[1]);
  return (
    ids.length > 0 &&
    ids.every((id) => id.startsWith('fuzz_')) &&
    !/timeCycle|signalEventDefinition|messageEventDefinition|procedureCode/.test(xml)
  );
}
