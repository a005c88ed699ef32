import { JobRunner } from '../../libs/workflow/src';
import { startTestServer, type TestServer } from '../support/test-app';
import { uniqueName } from './admin.helpers';
import { db, fixture, openTask, signIn, withKey, type Api } from './workflow.helpers';

jest.setTimeout(120_000);

interface InstanceJson {
  status: string;
  activeElementIds: string[];
  completedElementIds: string[];
  incidents: { elementId: string | null; status: string }[];
}

/**
 * Feature: the instance as its diagram shows it (issue 19 item 4) — where the tokens stand and the
 * path taken, so the administrators' instance page can mark them on the deployed diagram.
 * Workers are off: the test runs the jobs itself.
 */
describe('instance view on the diagram (e2e)', () => {
  let server: TestServer;
  let admin: Api;
  let reception: Api;
  let specialist: Api;

  const view = async (id: string) => (await admin.get(`/api/instances/${id}`).expect(200)).body as InstanceJson;

  beforeAll(async () => {
    server = await startTestServer({ runWorkers: false });
    [admin, reception, specialist] = await Promise.all(
      ['admin', 'reception', 'specialist'].map((u) => signIn(server, u)),
    );
  });
  afterAll(() => server?.close());

  it('given a started instance, the token stands on the first step and the path holds the start event and its flow; after the step it moves to both parallel branches', async () => {
    const key = uniqueName('iv-pr');
    await admin.deployXml(withKey(fixture('parallel-review.bpmn'), 'parallel-review', key)).expect(201);
    const id = (
      await admin.post('/api/instances', { definitionKey: key, businessKey: uniqueName('HS-IV') }).expect(201)
    ).body.id as string;

    const started = await view(id);
    expect(started.activeElementIds).toEqual(['Task_TiepNhan']);
    expect(started.completedElementIds).toEqual(['StartEvent_1', 'Flow_1']);

    // when reception completes the intake with approval
    const intake = await openTask(admin, id, 'Task_TiepNhan');
    await reception.post(`/api/tasks/${intake.id}/claim`).expect(200);
    await reception.post(`/api/tasks/${intake.id}/complete`, { variables: { approved: true } }).expect(200);

    // then the tokens stand on both branches, and the path holds the intake, the gateways and their flows
    const split = await view(id);
    expect([...split.activeElementIds].sort()).toEqual(['Task_ThamDinh', 'Task_YKien']);
    expect(split.completedElementIds).toEqual(
      expect.arrayContaining([
        'StartEvent_1',
        'Flow_1',
        'Task_TiepNhan',
        'Gateway_Approved',
        'Flow_Approved',
        'Gateway_Fork',
        'Flow_F1',
        'Flow_F2',
      ]),
    );
    expect(split.completedElementIds).not.toContain('Flow_Reject');
    expect(split.completedElementIds).not.toContain('Task_ThamDinh');

    // when one branch is done, its token waits at the join (an element of its own)
    const review = await openTask(admin, id, 'Task_ThamDinh');
    await specialist.post(`/api/tasks/${review.id}/claim`).expect(200);
    await specialist.post(`/api/tasks/${review.id}/complete`, { variables: {} }).expect(200);
    const halfway = await view(id);
    expect(halfway.activeElementIds).toContain('Task_YKien');
    expect(halfway.activeElementIds).not.toContain('Task_ThamDinh');
    expect(halfway.completedElementIds).toContain('Task_ThamDinh');

    // when the instance is cancelled, no token is left; the path stays
    await admin.post(`/api/instances/${id}/cancel`, { reason: 'Thử nghiệm' }).expect(200);
    const cancelled = await view(id);
    expect(cancelled).toMatchObject({ status: 'terminated', activeElementIds: [] });
    expect(cancelled.completedElementIds).toContain('Task_ThamDinh');
  });

  it('leaves out the boundary timer that listens on a step: the token stands on the step alone', async () => {
    const key = uniqueName('iv-deadline');
    await admin.deployXml(withKey(fixture('workflow-deadline.bpmn'), 'review-deadline', key)).expect(201);
    const id = (
      await admin.post('/api/instances', { definitionKey: key, businessKey: uniqueName('HS-IV') }).expect(201)
    ).body.id as string;
    const state = (
      await db(server).query(`SELECT state -> 'tokens' AS tokens FROM process_instances WHERE id = $1`, [id])
    )[0].tokens as { elementId: string }[];
    expect(state.map((t) => t.elementId).sort()).toEqual(['Task_Review', 'Timer_Overdue']);
    expect((await view(id)).activeElementIds).toEqual(['Task_Review']);
  });

  it('keeps the token on a service task whose job failed into an incident, with the incident on that element', async () => {
    const key = uniqueName('iv-svc');
    await admin
      .deployXml(withKey(withKey(fixture('workflow-service-task.bpmn'), 'service-task', key), 'svc-topic', key))
      .expect(201);
    const id = (
      await admin.post('/api/instances', { definitionKey: key, businessKey: uniqueName('HS-IV') }).expect(201)
    ).body.id as string;
    const job = (await db(server).query(`SELECT id FROM jobs WHERE instance_id = $1 AND kind = 'service'`, [id]))[0]
      .id as string;
    await server.app.get(JobRunner).run(job);

    const failed = await view(id);
    expect(failed).toMatchObject({ status: 'incident', activeElementIds: ['Task_Call'] });
    expect(failed.incidents).toEqual([expect.objectContaining({ elementId: 'Task_Call', status: 'open' })]);
    expect(failed.completedElementIds).toEqual(['Start', 'F1']);
  });
});
