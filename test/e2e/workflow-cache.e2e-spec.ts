import { DataSource } from 'typeorm';
import { CommandExecutor } from '../../libs/workflow/src/runtime/command.executor';
import { startTestServer, type TestServer } from '../support/test-app';
import { fixture, newOfficers, openTask, signIn, withKey, type Api, type TaskJson } from './workflow.helpers';

jest.setTimeout(60_000);

interface HistoryJson {
  type: string;
  elementId: string | null;
}

/**
 * Feature: each server process keeps the state it last committed for an instance and writes
 * the next command on it without reading it first (libs/workflow, InstanceCache). Two servers
 * share one database here, so each one's cached state goes stale whenever the other moves the
 * instance: the write's revision guard must turn every stale state into a re-read, never into
 * a lost update.
 */
describe('instance cache across two server processes (e2e)', () => {
  let a: TestServer;
  let b: TestServer;
  const on = {} as Record<'a' | 'b', Record<'admin' | 'reception' | 'specialist' | 'head' | 'leader', Api>>;

  beforeAll(async () => {
    a = await startTestServer();
    b = await startTestServer();
    for (const [name, server] of [
      ['a', a],
      ['b', b],
    ] as const) {
      const [admin, reception, specialist, head, leader] = await Promise.all(
        ['admin', 'reception', 'specialist', 'head', 'leader'].map((username) => signIn(server, username)),
      );
      on[name] = { admin, reception, specialist, head, leader };
    }
    await on.a.admin.deployXml(withKey(fixture('parallel-review.bpmn'), 'parallel-review', 'pr-cache')).expect(201);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  /** A's cached revision of the instance of `taskId`, and the revision in the database. */
  const revisions = async (taskId: string) => {
    const cached = a.app.get(CommandExecutor).cache.task(taskId);
    const [row] = await a.app
      .get(DataSource)
      .query(`SELECT i.rev FROM tasks t JOIN process_instances i ON i.id = t.instance_id WHERE t.id = $1`, [taskId]);
    return { cached: cached?.instance.rev, stored: row.rev as number };
  };
  const history = async (instanceId: string): Promise<HistoryJson[]> =>
    (await on.a.admin.get(`/api/instances/${instanceId}`).expect(200)).body.history;

  it('keeps a parallel branch completed on the other server: the join still fires', async () => {
    // given an instance started on A, whose intake A completed (A now caches the state with both branches open)
    const instanceId = (
      await on.a.admin.post('/api/instances', { definitionKey: 'pr-cache', variables: {} }).expect(201)
    ).body.id as string;
    const intake = await openTask(on.a.admin, instanceId, 'Task_TiepNhan');
    await on.a.reception.post(`/api/tasks/${intake.id}/complete`, { variables: { approved: true } }).expect(200);
    const review = await openTask(on.a.admin, instanceId, 'Task_ThamDinh');
    const opinion = await openTask(on.a.admin, instanceId, 'Task_YKien');
    // and the head completed the other branch on B (A's cached state is now one revision behind)
    await on.b.head.post(`/api/tasks/${opinion.id}/complete`, { variables: { opinion: 'ok' } }).expect(200);
    const { cached, stored } = await revisions(review.id);
    expect(cached).toBe(stored - 1);

    // when the specialist completes the review on A
    const done = await on.a.specialist
      .post(`/api/tasks/${review.id}/complete`, { variables: { reviewed: true } })
      .expect(200);

    // then the response is the completed task, and the join saw both branches: the signing step is open
    expect(done.body).toEqual(
      expect.objectContaining({ id: review.id, status: 'completed', completedBy: 'specialist', instanceId }),
    );
    const view = (await on.a.admin.get(`/api/instances/${instanceId}`).expect(200)).body;
    expect(view.tasks.filter((t: TaskJson) => t.status === 'open').map((t: TaskJson) => t.elementId)).toEqual([
      'Task_KyDuyet',
    ]);
    expect(view.variables).toEqual(expect.objectContaining({ approved: true, opinion: 'ok', reviewed: true }));
    const completed = (await history(instanceId)).filter((h) => h.type === 'task.completed').map((h) => h.elementId);
    expect(completed.sort()).toEqual(['Task_ThamDinh', 'Task_TiepNhan', 'Task_YKien']);
  });

  it('refuses a task the other server already completed (409 TASK_NOT_OPEN), and the instance moved once', async () => {
    // given an instance started on A (A caches its open intake) whose intake was completed on B
    const instanceId = (
      await on.a.admin.post('/api/instances', { definitionKey: 'pr-cache', variables: {} }).expect(201)
    ).body.id as string;
    const intake = await openTask(on.a.admin, instanceId, 'Task_TiepNhan');
    await on.b.reception.post(`/api/tasks/${intake.id}/complete`, { variables: { approved: true } }).expect(200);
    const { cached, stored } = await revisions(intake.id);
    expect(cached).toBe(stored - 1);

    // when the same officer completes it again on A
    const again = await on.a.reception
      .post(`/api/tasks/${intake.id}/complete`, { variables: { approved: false } })
      .expect(409);

    // then
    expect(again.body.code).toBe('TASK_NOT_OPEN');
    const view = (await on.a.admin.get(`/api/instances/${instanceId}`).expect(200)).body;
    expect(view.variables.approved).toBe(true);
    expect((await history(instanceId)).filter((h) => h.type === 'task.completed')).toHaveLength(1);
    expect(
      view.tasks
        .filter((t: TaskJson) => t.status === 'open')
        .map((t: TaskJson) => t.elementId)
        .sort(),
    ).toEqual(['Task_ThamDinh', 'Task_YKien']);
  });

  it('refuses a task another officer claimed on the other server (409 TASK_CLAIMED_BY_OTHER), changing nothing', async () => {
    // given an intake A cached as unassigned, then claimed on B by another receptionist
    const instanceId = (
      await on.a.admin.post('/api/instances', { definitionKey: 'pr-cache', variables: {} }).expect(201)
    ).body.id as string;
    const intake = await openTask(on.a.admin, instanceId, 'Task_TiepNhan');
    const [other] = await newOfficers(b, 1, ['reception']);
    await other.api.post(`/api/tasks/${intake.id}/claim`).expect(200);

    // when the demo receptionist completes it on A
    const taken = await on.a.reception
      .post(`/api/tasks/${intake.id}/complete`, { variables: { approved: true } })
      .expect(409);

    // then
    expect(taken.body.code).toBe('TASK_CLAIMED_BY_OTHER');
    expect((await history(instanceId)).filter((h) => h.type === 'task.completed')).toHaveLength(0);
    // and the claimant can complete it
    await other.api.post(`/api/tasks/${intake.id}/complete`, { variables: { approved: true } }).expect(200);
    expect((await history(instanceId)).filter((h) => h.type === 'task.completed')).toHaveLength(1);
  });
});
