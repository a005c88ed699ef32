import { startTestServer, type TestServer } from '../support/test-app';
import {
  CITY,
  db,
  fixture,
  newOfficers,
  openTask,
  rowCounts,
  signIn,
  withKey,
  type Api,
  type TaskJson,
} from './workflow.helpers';

// Project-level testTimeout is not applied by jest 30 here; servers and fifty-user scenarios need more than 5 s.
jest.setTimeout(60_000);

/** Feature: the task inbox — who sees what, and how claims and completions behave under contention. */
describe('tasks (e2e)', () => {
  let server: TestServer;
  let admin: Api;
  let reception: Api;
  let specialist: Api;
  let head: Api;
  let outsider: Api;

  const start = async (key: string, variables: Record<string, unknown> = {}, businessKey?: string) =>
    (await admin.post('/api/instances', { definitionKey: key, variables, businessKey }).expect(201)).body.id as string;

  beforeAll(async () => {
    server = await startTestServer();
    [admin, reception, specialist, head, outsider] = await Promise.all(
      ['admin', 'reception', 'specialist', 'head', 'specialist.tuphap'].map((username) => signIn(server, username)),
    );
    await admin.deployXml(fixture('workflow-single-task.bpmn')).expect(201);
    await admin.deployXml(withKey(fixture('parallel-review.bpmn'), 'parallel-review', 'pr-tasks')).expect(201);
  });
  afterAll(() => server?.close());

  describe('GET /api/tasks', () => {
    it('shows a task only to officers of its unit whose roles match its groups, due soonest first', async () => {
      // given two review tasks in the city, the second due earlier, and one in the environment office
      const first = await start('single-task', {}, 'INBOX-1');
      const second = await start('single-task', {}, 'INBOX-2');
      const elsewhere = await start('single-task', { receivingUnit: '000.03.20.H15' }, 'INBOX-3');
      const secondTask = await openTask(admin, second, 'Task_Review');
      await db(server).query(`UPDATE tasks SET due_at = due_at - interval '1 hour' WHERE id = $1`, [secondTask.id]);

      // when / then: the city specialist sees the city tasks, sorted by due time
      const mine = await specialist.get('/api/tasks?procedure=test.single-task&limit=200').expect(200);
      const ids = (mine.body.items as TaskJson[]).map((t) => t.instanceId);
      expect(ids.indexOf(second)).toBeLessThan(ids.indexOf(first));
      expect(ids).not.toContain(elsewhere);
      expect(mine.body.total).toBe(mine.body.items.length);
      expect(mine.body.items[0]).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          elementId: 'Task_Review',
          name: 'Thẩm định',
          instanceId: expect.any(String),
          businessKey: expect.any(String),
          unitCode: CITY,
          candidateGroups: ['specialist'],
          assignee: null,
          status: 'open',
          createdAt: expect.any(String),
          dueAt: expect.any(String),
          definitionKey: 'single-task',
          overdue: false,
        }),
      );
      // reception (wrong group) and an officer of another unit see none of them
      const receptionView = await reception.get('/api/tasks?procedure=single-task').expect(200);
      expect(receptionView.body).toEqual({ items: [], total: 0 });
      const outsiderView = await outsider.get('/api/tasks?procedure=single-task').expect(200);
      expect(outsiderView.body).toEqual({ items: [], total: 0 });
      // a land specialist of the environment office satisfies the group "specialist"
      const land = await signIn(server, 'specialist.tnmt');
      const landView = await land.get('/api/tasks?procedure=single-task').expect(200);
      expect((landView.body.items as TaskJson[]).map((t) => t.instanceId)).toEqual([elsewhere]);
    });

    it('filters by assignee=me, unassigned=true and overdue=true, and pages with limit/offset', async () => {
      // given
      const claimedId = await start('single-task', {}, 'FILTER-1');
      const overdueId = await start('single-task', {}, 'FILTER-2');
      const claimed = await openTask(admin, claimedId, 'Task_Review');
      const overdue = await openTask(admin, overdueId, 'Task_Review');
      await specialist.post(`/api/tasks/${claimed.id}/claim`).expect(200);
      await db(server).query(`UPDATE tasks SET due_at = now() - interval '1 minute' WHERE id = $1`, [overdue.id]);
      // when
      const mine = await specialist.get('/api/tasks?assignee=me&q=FILTER-&limit=200').expect(200);
      const unassigned = await specialist.get('/api/tasks?unassigned=true&q=FILTER-&limit=200').expect(200);
      const late = await specialist.get('/api/tasks?overdue=true&q=FILTER-&limit=200').expect(200);
      const page = await specialist.get('/api/tasks?limit=1&offset=1').expect(200);
      // then (only this scenario's instances: other suites share the database)
      const ours = (items: TaskJson[]) => items.filter((t) => [claimedId, overdueId].includes(t.instanceId));
      expect(ours(mine.body.items).map((t) => t.id)).toEqual([claimed.id]);
      expect((unassigned.body.items as TaskJson[]).map((t) => t.id)).not.toContain(claimed.id);
      expect((unassigned.body.items as TaskJson[]).map((t) => t.id)).toContain(overdue.id);
      expect(ours(late.body.items)).toEqual([expect.objectContaining({ id: overdue.id, overdue: true })]);
      expect(page.body.items).toHaveLength(1);
      expect(page.body.total).toBeGreaterThan(1);
      const bad = await specialist.get('/api/tasks?limit=0').expect(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('POST /api/tasks/:id/claim', () => {
    it('gives a task to exactly one of fifty officers claiming it at once', async () => {
      // given fifty specialists of the city and one open review task
      const officers = await newOfficers(server, 49, ['specialist']);
      const everyone = [
        ...officers.map((o) => ({ username: o.username, api: o.api })),
        { username: 'specialist', api: specialist },
      ];
      const task = await openTask(admin, await start('single-task'), 'Task_Review');
      // when they all claim it at the same instant
      const responses = await Promise.all(everyone.map((o) => o.api.post(`/api/tasks/${task.id}/claim`)));
      // then exactly one wins; everyone else gets 409 TASK_ALREADY_CLAIMED
      const winners = responses.filter((r) => r.status === 200);
      expect(winners).toHaveLength(1);
      expect(responses.filter((r) => r.status === 409).every((r) => r.body.code === 'TASK_ALREADY_CLAIMED')).toBe(true);
      expect(responses.filter((r) => r.status === 409)).toHaveLength(49);
      const owner = winners[0].body.assignee;
      expect(
        (await admin.get(`/api/instances/${task.instanceId}`)).body.history.filter(
          (h: { type: string }) => h.type === 'task.claimed',
        ),
      ).toEqual([expect.objectContaining({ actor: owner, taskId: task.id })]);
      // and claiming again as the owner is harmless
      const ownerApi = everyone.find((o) => o.username === owner)!.api;
      await ownerApi.post(`/api/tasks/${task.id}/claim`).expect(200);
    }, 60_000);
  });

  describe('POST /api/tasks/:id/complete', () => {
    it('lets only one of two officers completing the same task at the same instant win; the instance moves once', async () => {
      const [second] = await newOfficers(server, 1, ['reception']);
      for (let round = 0; round < 5; round++) {
        // given an unclaimed intake task
        const instanceId = await start('pr-tasks');
        const intake = await openTask(admin, instanceId, 'Task_TiepNhan');
        // when both complete it at once
        const [a, b] = await Promise.all([
          reception.post(`/api/tasks/${intake.id}/complete`, { variables: { approved: true, by: 'reception' } }),
          second.api.post(`/api/tasks/${intake.id}/complete`, { variables: { approved: true, by: second.username } }),
        ]);
        // then one 200, one 409
        expect([a.status, b.status].sort()).toEqual([200, 409]);
        expect(['TASK_NOT_OPEN', 'TASK_CLAIMED_BY_OTHER']).toContain((a.status === 409 ? a : b).body.code);
        // and the instance moved exactly once: one completion, one task per parallel branch
        const view = (await admin.get(`/api/instances/${instanceId}`).expect(200)).body;
        expect(view.history.filter((h: { type: string }) => h.type === 'task.completed')).toHaveLength(1);
        expect(
          view.tasks
            .filter((t: TaskJson) => t.status === 'open')
            .map((t: TaskJson) => t.elementId)
            .sort(),
        ).toEqual(['Task_ThamDinh', 'Task_YKien']);
        const winner = a.status === 200 ? 'reception' : second.username;
        expect(view.variables.by).toBe(winner);
      }
    });

    it('refuses a task claimed by someone else (409 TASK_CLAIMED_BY_OTHER) and a completed one (409 TASK_NOT_OPEN), changing nothing', async () => {
      // given a task claimed by another specialist
      const [other] = await newOfficers(server, 1, ['specialist']);
      const task = await openTask(admin, await start('single-task'), 'Task_Review');
      await other.api.post(`/api/tasks/${task.id}/claim`).expect(200);
      const before = await rowCounts(server);
      // when
      const taken = await specialist.post(`/api/tasks/${task.id}/complete`, { variables: { x: 1 } }).expect(409);
      // then
      expect(taken.body).toEqual(expect.objectContaining({ statusCode: 409, code: 'TASK_CLAIMED_BY_OTHER' }));
      expect(await rowCounts(server)).toEqual(before);

      // given the owner completed it
      await other.api.post(`/api/tasks/${task.id}/complete`).expect(200);
      const after = await rowCounts(server);
      // when
      const again = await other.api.post(`/api/tasks/${task.id}/complete`).expect(409);
      // then
      expect(again.body.code).toBe('TASK_NOT_OPEN');
      expect(await rowCounts(server)).toEqual(after);
    });

    it('rejects variables that are not an object', async () => {
      const task = await openTask(admin, await start('single-task'), 'Task_Review');
      const res = await specialist.post(`/api/tasks/${task.id}/complete`, { variables: 'approved' }).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('a task of another unit', () => {
    it('is 404 TASK_NOT_FOUND for get, claim, complete, unclaim and delegate, and nothing changes', async () => {
      // given an open city task
      const task = await openTask(admin, await start('single-task'), 'Task_Review');
      const before = await rowCounts(server);
      // when an officer of another unit touches it
      const responses = await Promise.all([
        outsider.get(`/api/tasks/${task.id}`),
        outsider.post(`/api/tasks/${task.id}/claim`),
        outsider.post(`/api/tasks/${task.id}/complete`, { variables: {} }),
        outsider.post(`/api/tasks/${task.id}/unclaim`),
        outsider.post(`/api/tasks/${task.id}/delegate`, { userId: 'specialist.tuphap' }),
      ]);
      // then each answer is the same as for a task that does not exist
      for (const res of responses)
        expect(res.body).toEqual(expect.objectContaining({ statusCode: 404, code: 'TASK_NOT_FOUND' }));
      expect(await rowCounts(server)).toEqual(before);
      const unknown = await outsider.get('/api/tasks/00000000-0000-4000-8000-000000000000').expect(404);
      expect(unknown.body.code).toBe('TASK_NOT_FOUND');
    });

    it('answers 404 for malformed ids, never 500', async () => {
      for (const id of ['nope', '123', "x' OR 1=1 --"]) {
        const res = await specialist.post(`/api/tasks/${encodeURIComponent(id)}/claim`).expect(404);
        expect(res.body.code).toBe('TASK_NOT_FOUND');
      }
    });
  });

  describe('unclaim and delegate', () => {
    it('lets the assignee or the head release a task, not a colleague', async () => {
      // given
      const [colleague] = await newOfficers(server, 1, ['specialist']);
      const task = await openTask(admin, await start('single-task'), 'Task_Review');
      await specialist.post(`/api/tasks/${task.id}/claim`).expect(200);
      // when / then
      const refused = await colleague.api.post(`/api/tasks/${task.id}/unclaim`).expect(403);
      expect(refused.body.code).toBe('TASK_NOT_ASSIGNEE');
      const released = await specialist.post(`/api/tasks/${task.id}/unclaim`).expect(200);
      expect(released.body.assignee).toBeNull();
      const notClaimed = await specialist.post(`/api/tasks/${task.id}/unclaim`).expect(409);
      expect(notClaimed.body.code).toBe('TASK_NOT_CLAIMED');
      await colleague.api.post(`/api/tasks/${task.id}/claim`).expect(200);
      const byHead = await head.post(`/api/tasks/${task.id}/unclaim`).expect(200);
      expect(byHead.body.assignee).toBeNull();
      const history = (await admin.get(`/api/instances/${task.instanceId}`)).body.history.filter(
        (h: { type: string }) => h.type.startsWith('task.'),
      );
      expect(history.map((h: { type: string; actor: string }) => [h.type, h.actor])).toEqual([
        ['task.created', 'admin'],
        ['task.claimed', 'specialist'],
        ['task.unclaimed', 'specialist'],
        ['task.claimed', colleague.username],
        ['task.unclaimed', 'head'],
      ]);
    });

    it('hands a task to an officer of the same unit whose roles fit, and refuses anyone else', async () => {
      // given
      const [colleague] = await newOfficers(server, 1, ['specialist:land']);
      const task = await openTask(admin, await start('single-task'), 'Task_Review');
      await specialist.post(`/api/tasks/${task.id}/claim`).expect(200);
      // when / then: not a specialist, or of another unit → 400
      for (const target of ['reception', 'specialist.tuphap', 'no-such-user']) {
        const res = await specialist.post(`/api/tasks/${task.id}/delegate`, { userId: target }).expect(400);
        expect(res.body.code).toBe('DELEGATE_TARGET_INVALID');
      }
      // a colleague who is not the assignee cannot delegate it
      const [bystander] = await newOfficers(server, 1, ['specialist']);
      const refused = await bystander.api.post(`/api/tasks/${task.id}/delegate`, { userId: colleague.id }).expect(403);
      expect(refused.body.code).toBe('TASK_NOT_ASSIGNEE');
      // the assignee can, by user id
      const delegated = await specialist.post(`/api/tasks/${task.id}/delegate`, { userId: colleague.id }).expect(200);
      expect(delegated.body.assignee).toBe(colleague.username);
      await colleague.api.post(`/api/tasks/${task.id}/complete`).expect(200);
    });
  });

  describe('bulk claim and bulk assign (issue 19 item 1)', () => {
    it('claims several tasks at once, each on its own: one already claimed and one of another unit are refused with their codes', async () => {
      // given three open review tasks of the city, one already claimed by a colleague, and one task of another unit
      const [a, b, taken] = await Promise.all(
        [1, 2, 3].map(async () => openTask(admin, await start('single-task'), 'Task_Review')),
      );
      const [first] = await newOfficers(server, 1, ['specialist']);
      await first.api.post(`/api/tasks/${taken.id}/claim`).expect(200);
      const [other] = await newOfficers(server, 1, ['specialist'], '000.20.20.H15');
      const foreign = await openTask(
        admin,
        await start('single-task', { receivingUnit: '000.20.20.H15' }),
        'Task_Review',
      );
      // when the specialist claims all four (and one twice)
      const res = await specialist
        .post('/api/tasks/bulk-claim', { taskIds: [a.id, b.id, taken.id, foreign.id, a.id] })
        .expect(200);
      // then the two free ones are theirs, the others are refused as the single claim would refuse them
      expect(res.body.done.map((t: { id: string; assignee: string }) => [t.id, t.assignee]).sort()).toEqual(
        [
          [a.id, 'specialist'],
          [b.id, 'specialist'],
        ].sort(),
      );
      expect(res.body.refused).toEqual([
        { taskId: taken.id, code: 'TASK_ALREADY_CLAIMED' },
        { taskId: foreign.id, code: 'TASK_NOT_FOUND' },
      ]);
      expect((await head.get(`/api/tasks/${taken.id}`).expect(200)).body.assignee).toBe(first.username);
      expect((await other.api.get(`/api/tasks/${foreign.id}`).expect(200)).body.assignee).toBeNull();
    });

    it('lets only the head hand several tasks to one officer, and refuses bad requests', async () => {
      // given two open tasks and a colleague who may take them
      const [colleague] = await newOfficers(server, 1, ['specialist']);
      const [a, b] = await Promise.all(
        [1, 2].map(async () => openTask(admin, await start('single-task'), 'Task_Review')),
      );
      // when a specialist tries, then 403 FORBIDDEN_ROLE and nothing changes
      const refused = await specialist
        .post('/api/tasks/bulk-assign', { taskIds: [a.id, b.id], userId: colleague.id })
        .expect(403);
      expect(refused.body.code).toBe('FORBIDDEN_ROLE');
      // when the head does, then both are the colleague's
      const res = await head
        .post('/api/tasks/bulk-assign', { taskIds: [a.id, b.id], userId: colleague.id })
        .expect(200);
      expect(res.body.done.map((t: { assignee: string }) => t.assignee)).toEqual([
        colleague.username,
        colleague.username,
      ]);
      expect(res.body.refused).toEqual([]);
      // and an officer who may not take them is refused per task
      const wrong = await head.post('/api/tasks/bulk-assign', { taskIds: [a.id], userId: 'reception' }).expect(200);
      expect(wrong.body.refused).toEqual([{ taskId: a.id, code: 'DELEGATE_TARGET_INVALID' }]);
      // and malformed requests are 400 VALIDATION_FAILED
      for (const body of [
        { taskIds: [] },
        { taskIds: ['not-a-uuid'] },
        { taskIds: Array.from({ length: 101 }, () => a.id) },
        {},
      ]) {
        expect((await specialist.post('/api/tasks/bulk-claim', body).expect(400)).body.code).toBe('VALIDATION_FAILED');
      }
    });
  });
});
