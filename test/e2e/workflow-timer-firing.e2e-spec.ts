import { randomUUID } from 'node:crypto';
import { JobRunner } from '../../libs/workflow/src';
import { startTestServer, type TestServer } from '../support/test-app';
import { db, fixture, signIn, withKey, type Api } from './workflow.helpers';

jest.setTimeout(60_000);

interface InstanceJson {
  status: string;
  jobs: { id: string; status: string; attempts: number }[];
  incidents: { code: string; jobId: string | null; status: string }[];
  history: { type: string; elementId: string | null }[];
}

/**
 * Feature: a timer is fired by one statement that claims and finishes its job together with the
 * instance's move (libs/workflow JobRunner), so deliveries racing for it (BullMQ, the reconciler,
 * a second worker) still fire it once, and a firing the engine refuses still ends in an incident.
 * No worker runs in this server: the test delivers the jobs itself.
 */
describe('timer firing (e2e)', () => {
  let server: TestServer;
  let admin: Api;
  let runner: JobRunner;

  const start = async () =>
    (await admin.post('/api/instances', { definitionKey: 'timer-firing', variables: {} }).expect(201)).body
      .id as string;
  const instance = async (id: string) => (await admin.get(`/api/instances/${id}`).expect(200)).body as InstanceJson;

  beforeAll(async () => {
    server = await startTestServer({ runWorkers: false });
    admin = await signIn(server, 'admin');
    runner = server.app.get(JobRunner);
    await admin.deployXml(withKey(fixture('workflow-timer.bpmn'), 'timer-wait', 'timer-firing')).expect(201);
  });
  afterAll(() => server?.close());

  it('fires once when eight deliveries of the same timer race', async () => {
    // given an instance waiting on its timer
    const id = await start();
    const [job] = (await instance(id)).jobs;
    // when eight deliveries run at once
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => runner.run(job.id)));
    // then one fired it, the others did nothing
    expect(outcomes.filter((o) => o.kind === 'done')).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === 'skipped')).toHaveLength(7);
    const view = await instance(id);
    expect(view.history.filter((h) => h.type === 'timer.fired')).toHaveLength(1);
    expect(view.jobs).toEqual([expect.objectContaining({ id: job.id, status: 'done', attempts: 1 })]);
    // and a late delivery does nothing either
    expect(await runner.run(job.id)).toEqual({ kind: 'skipped' });
  });

  it('does not fire a timer that was cancelled', async () => {
    const id = await start();
    const [job] = (await instance(id)).jobs;
    await admin.post(`/api/instances/${id}/cancel`, { reason: 'test' }).expect(200);
    expect(await runner.run(job.id)).toEqual({ kind: 'skipped' });
    expect((await instance(id)).history.filter((h) => h.type === 'timer.fired')).toHaveLength(0);
  });

  it('opens an incident on the job when the engine refuses the firing, and counts the attempt', async () => {
    // given a timer row the instance does not wait on
    const id = await start();
    const stray = randomUUID();
    await db(server).query(
      `INSERT INTO jobs (id, instance_id, kind, element_id, due_at, status, max_attempts) VALUES ($1, $2, 'timer', 'Timer_Wait', now(), 'pending', 3)`,
      [stray, id],
    );
    // when it is delivered
    const outcome = await runner.run(stray);
    // then
    expect(outcome).toEqual({ kind: 'incident', code: 'JOB_NOT_FOUND' });
    const view = await instance(id);
    expect(view.status).toBe('incident');
    expect(view.incidents).toEqual([expect.objectContaining({ code: 'JOB_NOT_FOUND', jobId: stray, status: 'open' })]);
    const [row] = await db(server).query(`SELECT status, attempts FROM jobs WHERE id = $1`, [stray]);
    expect(row).toEqual({ status: 'failed', attempts: 1 });
    // and the real timer still fires
    const real = view.jobs.find((j) => j.id !== stray)!;
    expect(await runner.run(real.id)).toEqual({ kind: 'done' });
  });
});
