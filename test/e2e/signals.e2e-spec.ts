import { randomUUID } from 'node:crypto';
import { startTestServer, type TestServer } from '../support/test-app';
import { CITY, db, eventually, fixture, newOfficers, openTask, signIn, withKey, type Api } from './workflow.helpers';

jest.setTimeout(60_000);

/** Feature: a thrown signal reaches the other instances waiting for it, through delivery jobs (issue 8). */
describe('signals (e2e)', () => {
  let server: TestServer;
  let admin: Api;
  let reception: Api;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await signIn(server, 'admin');
    [{ api: reception }] = await newOfficers(server, 1, ['reception'], CITY);
  });
  afterAll(() => server?.close());

  /** The signal fixture under a fresh key, its signal names made unique so other suites' instances never hear them. */
  const deploy = async () => {
    const suffix = randomUUID().slice(0, 8);
    const names = { ready: `docs-ready-${suffix}`, recall: `recall-${suffix}` };
    const xml = withKey(fixture('signal.bpmn'), 'signal', `signal-${suffix}`)
      .replace('name="docs-ready"', `name="${names.ready}"`)
      .replace('name="recall"', `name="${names.recall}"`)
      .replace('name="prepared"', `name="prepared-${suffix}"`);
    await admin.deployXml(xml).expect(201);
    const start = async () =>
      (
        await admin
          .post('/api/instances', { definitionKey: `signal-${suffix}`, variables: { receivingUnit: CITY } })
          .expect(201)
      ).body.id as string;
    return { names, start };
  };
  const view = async (id: string) => (await admin.get(`/api/instances/${id}`).expect(200)).body;
  const openAt = async (id: string, elementId: string) =>
    ((await view(id)).tasks as { elementId: string; status: string }[]).filter(
      (task) => task.elementId === elementId && task.status === 'open',
    ).length;
  const jobsOf = async (id: string) =>
    (await db(server).query(
      `SELECT kind, topic, status FROM jobs WHERE instance_id = $1 AND kind LIKE 'signal.%' ORDER BY created_at, topic`,
      [id],
    )) as { kind: string; topic: string; status: string }[];

  it('a signal thrown by one instance wakes the other instance waiting for it, once', async () => {
    // given two instances, both waiting at Catch_Ready
    const { names, start } = await deploy();
    const thrower = await start();
    const listener = await start();

    // when the thrower's Task_Prepare completes, throwing the signal
    const prepare = await openTask(admin, thrower, 'Task_Prepare');
    await reception.post(`/api/tasks/${prepare.id}/complete`, {}).expect(200);

    // then the listener gets Task_Process through a delivery job, and the thrower (already triggered) gets no second one
    await eventually(async () => (await openAt(listener, 'Task_Process')) === 1);
    expect(await jobsOf(listener)).toEqual([{ kind: 'signal.deliver', topic: names.ready, status: 'done' }]);
    // (its end event throws a second signal, which nobody waits for)
    expect(await jobsOf(thrower)).toEqual([
      { kind: 'signal.broadcast', topic: names.ready, status: 'done' },
      { kind: 'signal.broadcast', topic: expect.stringMatching(/^prepared-/), status: 'done' },
    ]);
    expect(await openAt(thrower, 'Task_Process')).toBe(1);
    expect(await openAt(listener, 'Task_Prepare')).toBe(1);
  });

  it('an administrator broadcasts a signal to every waiting instance; nobody waiting means no delivery', async () => {
    // given an instance waiting for the ready signal
    const { names, start } = await deploy();
    const id = await start();

    // when the administrator throws it with a variable
    const res = await admin
      .post('/api/signals', { signalName: names.ready, variables: { readyBy: 'portal' } })
      .expect(202);

    // then one delivery was written and the instance moves on with the variable
    expect(res.body).toEqual({ signalName: names.ready, deliveries: 1 });
    await eventually(async () => (await openAt(id, 'Task_Process')) === 1);
    expect((await view(id)).variables).toMatchObject({ readyBy: 'portal' });

    // when the recall signal comes, then the boundary on Task_Process interrupts it
    await admin.post('/api/signals', { signalName: names.recall }).expect(202);
    await eventually(async () => (await openAt(id, 'Task_Recalled')) === 1);
    expect(await openAt(id, 'Task_Process')).toBe(0);

    // and the ready signal again reaches nobody; officers may not throw signals
    expect((await admin.post('/api/signals', { signalName: names.ready }).expect(202)).body.deliveries).toBe(0);
    await reception.post('/api/signals', { signalName: names.ready }).expect(403);
  });
});
