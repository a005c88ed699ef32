import { startTestServer, type TestServer } from '../support/test-app';
import { CITY, fixture, openTask, signIn, withKey, type Api, type TaskJson } from './workflow.helpers';

interface HistoryJson {
  at: string;
  type: string;
  elementId: string | null;
  taskId?: string;
  actor?: string;
}

// Project-level testTimeout is not applied by jest 30 here; servers and fifty-user scenarios need more than 5 s.
jest.setTimeout(60_000);

/** Feature: a procedure runs end to end — deploy, start, officers claim and complete, history tells who did what. */
describe('workflow (e2e)', () => {
  let server: TestServer;
  let admin: Api;
  let reception: Api;
  let specialist: Api;
  let head: Api;
  let leader: Api;

  beforeAll(async () => {
    server = await startTestServer();
    [admin, reception, specialist, head, leader] = await Promise.all(
      ['admin', 'reception', 'specialist', 'head', 'leader'].map((username) => signIn(server, username)),
    );
  });
  afterAll(() => server?.close());

  describe('Scenario: parallel review with a gateway and a subprocess', () => {
    it('completes when each officer does their step, and the history lists every step with actor and time', async () => {
      // given a deployed diagram with an exclusive gateway, a parallel split/join and a subprocess
      await admin.deployXml(withKey(fixture('parallel-review.bpmn'), 'parallel-review', 'pr-full')).expect(201);
      const started = await admin
        .post('/api/instances', { definitionKey: 'pr-full', businessKey: '000.00.20.H15-250601-0001' })
        .expect(201);
      const instanceId: string = started.body.id;
      expect(started.body).toMatchObject({
        definitionKey: 'pr-full',
        version: 1,
        status: 'running',
        businessKey: '000.00.20.H15-250601-0001',
      });

      // when reception claims and completes the intake from its inbox
      const inbox = await reception.get('/api/tasks?procedure=pr-full').expect(200);
      const intake = (inbox.body.items as TaskJson[]).find((t) => t.instanceId === instanceId)!;
      expect(intake).toMatchObject({
        elementId: 'Task_TiepNhan',
        unitCode: CITY,
        candidateGroups: ['reception'],
        assignee: null,
        status: 'open',
      });
      await reception.post(`/api/tasks/${intake.id}/claim`).expect(200);
      await reception.post(`/api/tasks/${intake.id}/complete`, { variables: { approved: true } }).expect(200);

      // and the specialist and the head each do their parallel branch
      const review = await openTask(admin, instanceId, 'Task_ThamDinh');
      const opinion = await openTask(admin, instanceId, 'Task_YKien');
      await specialist.post(`/api/tasks/${review.id}/claim`).expect(200);
      await specialist
        .post(`/api/tasks/${review.id}/complete`, { variables: { reviewNote: 'Đủ điều kiện' } })
        .expect(200);
      const halfway = await admin.get(`/api/instances/${instanceId}`).expect(200);
      expect(halfway.body.tasks.filter((t: TaskJson) => t.status === 'open').map((t: TaskJson) => t.elementId)).toEqual(
        ['Task_YKien'],
      );
      await head.post(`/api/tasks/${opinion.id}/complete`, { variables: {} }).expect(200);

      // and the leader signs inside the subprocess
      const signing = await openTask(admin, instanceId, 'Task_KyDuyet');
      await leader.post(`/api/tasks/${signing.id}/claim`).expect(200);
      await leader.post(`/api/tasks/${signing.id}/complete`, { variables: { signed: true } }).expect(200);

      // then the instance is completed with the variables of every step
      const done = await admin.get(`/api/instances/${instanceId}`).expect(200);
      expect(done.body.status).toBe('completed');
      expect(done.body.endedAt).toEqual(expect.any(String));
      expect(done.body.variables).toMatchObject({ approved: true, reviewNote: 'Đủ điều kiện', signed: true });
      expect(done.body.tasks.every((t: TaskJson) => t.status === 'completed')).toBe(true);
      expect(done.body.jobs).toEqual([]);
      expect(done.body.incidents).toEqual([]);

      // and the history names who completed each task, and when
      const history = done.body.history as HistoryJson[];
      const completions = history.filter((h) => h.type === 'task.completed').map((h) => [h.elementId, h.actor]);
      expect(completions).toEqual([
        ['Task_TiepNhan', 'reception'],
        ['Task_ThamDinh', 'specialist'],
        ['Task_YKien', 'head'],
        ['Task_KyDuyet', 'leader'],
      ]);
      const claims = history.filter((h) => h.type === 'task.claimed').map((h) => h.actor);
      expect(claims).toEqual(['reception', 'specialist', 'leader']);
      expect(history[0]).toMatchObject({ type: 'instance.started', actor: 'admin' });
      expect(history.at(-1)).toMatchObject({ type: 'instance.completed', actor: 'leader' });
      for (const entry of history) expect(Date.parse(entry.at)).not.toBeNaN();
      const visited = new Set(history.filter((h) => h.type === 'element.entered').map((h) => h.elementId));
      for (const id of [
        'Gateway_Approved',
        'Gateway_Fork',
        'Gateway_Join',
        'SubProcess_KyDuyet',
        'Task_KyDuyet',
        'EndEvent_Done',
      ])
        expect(visited).toContain(id);
    });

    it('takes the default flow when the intake is not approved', async () => {
      // given
      await admin.deployXml(withKey(fixture('parallel-review.bpmn'), 'parallel-review', 'pr-reject')).expect(201);
      const started = await admin.post('/api/instances', { definitionKey: 'pr-reject' }).expect(201);
      const intake = await openTask(admin, started.body.id, 'Task_TiepNhan');
      // when
      await reception.post(`/api/tasks/${intake.id}/complete`, { variables: { approved: false } }).expect(200);
      // then
      const done = await admin.get(`/api/instances/${started.body.id}`).expect(200);
      expect(done.body.status).toBe('completed');
      expect(
        done.body.history.some((h: HistoryJson) => h.type === 'element.entered' && h.elementId === 'EndEvent_Rejected'),
      ).toBe(true);
    });
  });

  describe('Scenario: the shipped procedure "Đăng ký thành lập hộ kinh doanh"', () => {
    it('is deployed by the seed, with steps due by their durations, and runs to the result', async () => {
      // given the seeded definition
      const list = await admin.get('/api/definitions?key=dang-ky-ho-kinh-doanh').expect(200);
      expect(list.body.items[0]).toMatchObject({ key: 'dang-ky-ho-kinh-doanh', version: 1, procedureCode: '1.001612' });
      // when a dossier starts
      const started = await admin
        .post('/api/instances', { definitionKey: 'dang-ky-ho-kinh-doanh', businessKey: 'HKD-1' })
        .expect(201);
      const intake = await openTask(admin, started.body.id, 'Task_TiepNhan');
      // then the intake is due at least 4 hours after it was created (4 working hours, or wall-clock hours by default)
      expect(Date.parse(intake.dueAt!) - Date.parse(intake.createdAt)).toBeGreaterThanOrEqual(4 * 3600_000);
      // when each officer completes their step and the head approves
      await reception.post(`/api/tasks/${intake.id}/complete`).expect(200);
      await specialist
        .post(`/api/tasks/${(await openTask(admin, started.body.id, 'Task_ThamDinh')).id}/complete`)
        .expect(200);
      await head
        .post(`/api/tasks/${(await openTask(admin, started.body.id, 'Task_PheDuyet')).id}/complete`, {
          variables: { approved: true },
        })
        .expect(200);
      const handOver = await openTask(admin, started.body.id, 'Task_TraKetQua');
      expect(handOver).toMatchObject({ candidateGroups: ['reception'] });
      await reception.post(`/api/tasks/${handOver.id}/complete`).expect(200);
      // then
      const done = await admin.get(`/api/instances/${started.body.id}`).expect(200);
      expect(done.body.status).toBe('completed');
      expect(done.body.history).toContainEqual(
        expect.objectContaining({ type: 'element.entered', elementId: 'EndEvent_DaTra', actor: 'reception' }),
      );
    });

    it('serves the deployed XML, latest or by version, as text/xml', async () => {
      const res = await admin.get('/api/definitions/dang-ky-ho-kinh-doanh/xml').expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/xml/);
      expect(res.text).toContain('mc:procedureCode="1.001612"');
      await admin.get('/api/definitions/dang-ky-ho-kinh-doanh/xml?version=1').expect(200);
      const missing = await admin.get('/api/definitions/dang-ky-ho-kinh-doanh/xml?version=99').expect(404);
      expect(missing.body.code).toBe('DEFINITION_NOT_FOUND');
    });
  });

  describe('Scenario: a message from outside', () => {
    it('moves an instance that waits for it, and is refused (409 MESSAGE_NOT_CORRELATED) when nothing waits', async () => {
      // given an instance waiting for the citizen's supplement
      await admin.deployXml(fixture('workflow-message.bpmn')).expect(201);
      const started = await admin
        .post('/api/instances', { definitionKey: 'supplement-wait', businessKey: 'MSG-1' })
        .expect(201);
      expect(started.body.tasks).toEqual([]);
      const wrong = await admin
        .post(`/api/instances/${started.body.id}/messages`, { messageName: 'somethingElse' })
        .expect(409);
      expect(wrong.body.code).toBe('MESSAGE_NOT_CORRELATED');
      // when the supplement arrives
      const res = await admin
        .post(`/api/instances/${started.body.id}/messages`, {
          messageName: 'supplementReceived',
          variables: { supplementDocs: 2 },
        })
        .expect(200);
      // then
      expect(res.body.variables).toMatchObject({ supplementDocs: 2 });
      expect(res.body.tasks).toEqual([expect.objectContaining({ elementId: 'Task_Review', status: 'open' })]);
      expect(res.body.history).toContainEqual(expect.objectContaining({ type: 'message.correlated', actor: 'admin' }));
      // and a second delivery finds nothing waiting
      const again = await admin
        .post(`/api/instances/${started.body.id}/messages`, { messageName: 'supplementReceived' })
        .expect(409);
      expect(again.body.code).toBe('MESSAGE_NOT_CORRELATED');
    });
  });

  describe('Scenario: the API is documented', () => {
    it('lists the workflow routes in the OpenAPI document', async () => {
      const res = await admin.get('/api/docs-json').expect(200);
      for (const path of [
        '/api/definitions',
        '/api/definitions/{key}/xml',
        '/api/instances',
        '/api/instances/{id}',
        '/api/instances/{id}/messages',
        '/api/tasks',
        '/api/tasks/{id}/claim',
        '/api/tasks/{id}/complete',
        '/api/tasks/{id}/delegate',
        '/api/incidents',
        '/api/incidents/{id}/retry',
      ]) {
        expect(Object.keys(res.body.paths)).toContain(path);
      }
    });
  });

  describe('Scenario: instances by id', () => {
    it('answers 404 INSTANCE_NOT_FOUND for an unknown or malformed id, never 500', async () => {
      for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', "1' OR '1'='1"]) {
        const res = await admin.get(`/api/instances/${encodeURIComponent(id)}`).expect(404);
        expect(res.body.code).toBe('INSTANCE_NOT_FOUND');
      }
    });

    it('is for administrators only', async () => {
      const res = await reception.post('/api/instances', { definitionKey: 'pr-full' });
      expect(res.status).toBe(403);
    });

    it('cancels a running instance: its open tasks are cancelled and it is terminated', async () => {
      // given
      const started = await admin.post('/api/instances', { definitionKey: 'dang-ky-ho-kinh-doanh' }).expect(201);
      // when
      const res = await admin
        .post(`/api/instances/${started.body.id}/cancel`, { reason: 'Công dân rút hồ sơ' })
        .expect(200);
      // then
      expect(res.body.status).toBe('terminated');
      expect(res.body.tasks.map((t: TaskJson) => t.status)).toEqual(['cancelled']);
      const again = await admin.post(`/api/instances/${started.body.id}/cancel`).expect(409);
      expect(again.body.code).toBe('INSTANCE_NOT_RUNNING');
    });
  });
});
