import http from 'node:http';
import request from 'supertest';
import { startTestServer, type TestServer } from '../support/test-app';
import { eventually, fixture, openTask, signIn, type Api } from './workflow.helpers';

jest.setTimeout(60_000);

interface Frame {
  event: string;
  data: Record<string, unknown>;
}

/** An EventSource as the browser opens it: a ticket from the guarded route, then a plain GET. */
async function openStream(server: TestServer, api: Api): Promise<{ frames: Frame[]; status: number; close(): void }> {
  const { ticket } = (await api.post('/api/inbox/events/ticket').expect(200)).body as { ticket: string };
  return new Promise((resolve, reject) => {
    const frames: Frame[] = [];
    const req = http.get(
      `${server.url}/api/inbox/events?ticket=${ticket}`,
      { headers: { Accept: 'text/event-stream' } },
      (res) => {
        let buffered = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffered += chunk;
          let end: number;
          while ((end = buffered.indexOf('\n\n')) >= 0) {
            const block = buffered.slice(0, end);
            buffered = buffered.slice(end + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event && data) frames.push({ event, data: JSON.parse(data) as Record<string, unknown> });
          }
          if (frames.some((f) => f.event === 'ready'))
            resolve({ frames, status: res.statusCode ?? 0, close: () => req.destroy() });
        });
        res.on('end', () => resolve({ frames, status: res.statusCode ?? 0, close: () => req.destroy() }));
      },
    );
    req.on('error', reject);
  });
}

/** Feature: live inbox updates (issue 19 item 1, ADR 0022) across server processes sharing one Redis. */
describe('inbox events (e2e)', () => {
  let a: TestServer;
  let b: TestServer;
  const streams: { close(): void }[] = [];

  beforeAll(async () => {
    // two servers of one deployment: same Redis, same prefix; only Redis connects them
    const queuePrefix = `test-live-${Date.now()}`;
    a = await startTestServer({ queuePrefix });
    b = await startTestServer({ queuePrefix });
  });
  afterAll(async () => {
    for (const stream of streams) stream.close();
    await Promise.all([a?.close(), b?.close()]);
  });

  it('given officers streaming from server B, when a step is created and completed on server A, then the officers who see it are told, and nobody else', async () => {
    // given
    const adminA = await signIn(a, 'admin');
    const specialistA = await signIn(a, 'specialist');
    await adminA.deployXml(fixture('workflow-single-task.bpmn')).expect(201);
    const [specialist, reception, outsider] = await Promise.all(
      ['specialist', 'reception', 'specialist.tuphap'].map(async (username) =>
        openStream(b, await signIn(b, username)),
      ),
    );
    streams.push(specialist, reception, outsider);

    // when: a step for the city's specialists opens on A
    const instanceId = (
      await adminA.post('/api/instances', { definitionKey: 'single-task', businessKey: 'LIVE-1' }).expect(201)
    ).body.id as string;
    const review = await openTask(adminA, instanceId, 'Task_Review');

    // then: B's specialist stream hears of it; the message names no person
    const created = await eventually(async () =>
      specialist.frames.find((f) => f.event === 'task' && f.data.taskId === review.id),
    );
    expect(created.data).toEqual({
      kind: 'created',
      taskId: review.id,
      unitCode: review.unitCode,
      groups: ['specialist'],
      at: expect.any(Number),
    });

    // when: A's specialist completes it, which opens the reception's step
    await specialistA.post(`/api/tasks/${review.id}/complete`, {}).expect(200);
    const handBack = await openTask(adminA, instanceId, 'Task_Return');

    // then
    await eventually(async () =>
      specialist.frames.some((f) => f.data.kind === 'completed' && f.data.taskId === review.id),
    );
    await eventually(async () =>
      reception.frames.some((f) => f.data.kind === 'created' && f.data.taskId === handBack.id),
    );
    // one subscriber fans each message out to all of B's streams at once: what the others got, the outsider would have
    expect(outsider.frames.filter((f) => f.event === 'task')).toEqual([]);
    expect(reception.frames.some((f) => f.data.taskId === review.id)).toBe(false);
    const taskFrames = specialist.frames.filter((f) => f.event === 'task');
    expect(taskFrames.map((f) => f.data.kind)).toEqual(['created', 'completed']);
    expect(taskFrames.every((f) => Object.keys(f.data).sort().join() === 'at,groups,kind,taskId,unitCode')).toBe(true);
  });

  it('refuses a stream without a ticket, with a used ticket, and a ticket without a bearer token (401)', async () => {
    const none = await request(b.url).get('/api/inbox/events').expect(401);
    expect(none.body.code).toBe('AUTH_REQUIRED');
    const forged = await request(b.url).get('/api/inbox/events?ticket=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA').expect(401);
    expect(forged.body.code).toBe('AUTH_TOKEN_INVALID');
    const specialist = await signIn(a, 'specialist');
    const { ticket } = (await specialist.post('/api/inbox/events/ticket').expect(200)).body as { ticket: string };
    const first = await openStream(b, {
      ...specialist,
      post: () => ({ expect: async () => ({ body: { ticket } }) }),
    } as unknown as Api);
    streams.push(first);
    expect(first.status).toBe(200);
    const reused = await request(b.url).get(`/api/inbox/events?ticket=${ticket}`).expect(401);
    expect(reused.body.code).toBe('AUTH_TOKEN_INVALID');
    const anonymous = await request(a.url).post('/api/inbox/events/ticket').expect(401);
    expect(anonymous.body.code).toBe('AUTH_REQUIRED');
  });

  it('limits the streams one account opens on a process (429 INBOX_STREAM_LIMIT)', async () => {
    const head = await signIn(b, 'head');
    for (let i = 0; i < 5; i++) streams.push(await openStream(b, head));
    const { ticket } = (await head.post('/api/inbox/events/ticket').expect(200)).body as { ticket: string };
    const sixth = await request(b.url).get(`/api/inbox/events?ticket=${ticket}`).expect(429);
    expect(sixth.body.code).toBe('INBOX_STREAM_LIMIT');
  });
});
