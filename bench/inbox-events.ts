import http from 'node:http';
import { readFileSync } from 'node:fs';
import { login, startServer } from './size-server';

/**
 * Live inbox updates at 500 officers (issue 19 item 1, ADR 0022): the built server as its own
 * process, 500 server-sent event streams opened on it (each with its own ticket), its resident
 * memory before and after, then 200 steps opened through the API (each publishes one event on
 * Redis, which the server's subscriber fans out to the streams that see it) and the delay from
 * publication (the event's `at`) to its arrival at each stream, p50 / p99 over every delivery.
 *
 * `DATABASE_URL` (migrated and seeded with the demo accounts: any database a server or a test run
 * has started on), `REDIS_URL`, `STREAMS` (500), `EVENTS` (200). `npm run bench:inbox-events`.
 * The 500 streams belong to one account (the per-account limit is raised for the run): the server
 * does the same work per stream whoever holds it (unit and roles are checked per event).
 */
const STREAMS = Number(process.env.STREAMS ?? 500);
const EVENTS = Number(process.env.EVENTS ?? 200);

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'))!;
  return Number(/\d+/.exec(line)![0]) / 1024;
}

async function post<T>(
  url: string,
  path: string,
  token: string,
  body?: string,
  contentType = 'application/json',
): Promise<T> {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
    body,
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const oneStep = (key: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:mc="urn:motcua:bpmn:1" id="defs_${key}" targetNamespace="urn:motcua:bench">
  <bpmn:process id="${key}" name="Bench" isExecutable="true">
    <bpmn:startEvent id="start" /><bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
    <bpmn:userTask id="review" name="Thẩm định" mc:unit="receiving" mc:candidateGroups="specialist" />
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" /><bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

/** Opens one stream; resolves once the server said `ready`. Every `task` frame's delay goes to `delays`. */
function openStream(url: string, ticket: string, delays: number[]): Promise<http.ClientRequest> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${url}/api/inbox/events?ticket=${ticket}`, { agent: false }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`stream: ${res.statusCode}`));
      let buffered = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        const now = Date.now();
        buffered += chunk;
        let end: number;
        while ((end = buffered.indexOf('\n\n')) >= 0) {
          const block = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          if (block.startsWith('event: ready')) resolve(req);
          else if (block.startsWith('event: task'))
            delays.push(now - (JSON.parse(block.slice(block.indexOf('data: ') + 6)) as { at: number }).at);
        }
      });
    });
    req.on('error', reject);
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL: a migrated database with the demo accounts');
  const server = await startServer(databaseUrl, {
    INBOX_STREAMS_PER_USER: String(STREAMS + 10),
    QUEUE_PREFIX: `bench-live-${process.pid}`,
  });
  const streams: http.ClientRequest[] = [];
  try {
    const [admin, specialist] = [await login(server.url, 'admin'), await login(server.url, 'specialist')];
    const key = `bench_live_${Date.now()}`;
    await post(server.url, '/api/definitions', admin, oneStep(key), 'text/xml');
    // warm-up: one stream and one event, so the subscriber, the routes and the JIT exist before "before"
    const warm: number[] = [];
    const first = await openStream(
      server.url,
      (await post<{ ticket: string }>(server.url, '/api/inbox/events/ticket', specialist)).ticket,
      warm,
    );
    await post(server.url, '/api/instances', admin, JSON.stringify({ definitionKey: key }));
    await new Promise((r) => setTimeout(r, 2000));
    first.destroy();
    await new Promise((r) => setTimeout(r, 1000));
    const before = rssMb(server.pid);

    const delays: number[] = [];
    for (let i = 0; i < STREAMS; i += 50) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(50, STREAMS - i) }, () =>
          post<{ ticket: string }>(server.url, '/api/inbox/events/ticket', specialist),
        ),
      );
      streams.push(...(await Promise.all(batch.map(({ ticket }) => openStream(server.url, ticket, delays)))));
    }
    await new Promise((r) => setTimeout(r, 5000));
    const after = rssMb(server.pid);

    const started = Date.now();
    for (let i = 0; i < EVENTS; i++)
      await post(server.url, '/api/instances', admin, JSON.stringify({ definitionKey: key }));
    const expected = STREAMS * EVENTS;
    while (delays.length < expected && Date.now() - started < 60_000) await new Promise((r) => setTimeout(r, 200));
    const sorted = [...delays].sort((a, b) => a - b);
    const afterEvents = rssMb(server.pid);
    console.log(
      JSON.stringify(
        {
          streams: streams.length,
          rssBeforeMb: Math.round(before),
          rssWithStreamsMb: Math.round(after),
          addedMb: Math.round(after - before),
          rssAfterEventsMb: Math.round(afterEvents),
          events: EVENTS,
          deliveries: delays.length,
          expectedDeliveries: expected,
          p50Ms: percentile(sorted, 50),
          p99Ms: percentile(sorted, 99),
          maxMs: sorted[sorted.length - 1],
          eventsSentInMs: Date.now() - started,
        },
        null,
        2,
      ),
    );
  } finally {
    for (const stream of streams) stream.destroy();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
