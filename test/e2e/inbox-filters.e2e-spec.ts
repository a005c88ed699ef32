import { randomUUID } from 'node:crypto';
import { startTestServer, type TestServer } from '../support/test-app';
import { db, fixture, newOfficers, openTask, signIn, type Api } from './workflow.helpers';

jest.setTimeout(60_000);

interface Officer {
  username: string;
  fits: number;
}

/** Feature: an officer's saved inbox filters, and the head's officer picker for bulk assign (issue 19 item 1). */
describe('inbox saved filters and officer picker (e2e)', () => {
  let server: TestServer;
  let admin: Api;
  let head: Api;

  const start = async (variables: Record<string, unknown> = {}) =>
    (await admin.post('/api/instances', { definitionKey: 'single-task', variables }).expect(201)).body.id as string;

  beforeAll(async () => {
    server = await startTestServer();
    [admin, head] = await Promise.all(['admin', 'head'].map((username) => signIn(server, username)));
    await admin.deployXml(fixture('workflow-single-task.bpmn')).expect(201);
  });
  afterAll(() => server?.close());

  describe('/api/inbox/filters', () => {
    it('saves, lists by name, applies and deletes an officer’s own filters; another officer sees none of them', async () => {
      // given two officers of the city
      const [me, other] = await newOfficers(server, 2, ['specialist']);
      // when the first saves two filters
      const overdue = await me.api
        .post('/api/inbox/filters', {
          name: '  Hộ kinh doanh   quá hạn ',
          filter: { procedure: '1.001612', due: 'overdue', assignee: 'me', q: ' Nguyễn ' },
        })
        .expect(201);
      await me.api.post('/api/inbox/filters', { name: 'Chưa nhận', filter: { assignee: 'unassigned' } }).expect(201);
      // then the name and search are trimmed, and the list is by name
      expect(overdue.body).toEqual({
        id: expect.any(String),
        name: 'Hộ kinh doanh quá hạn',
        filter: { procedure: '1.001612', due: 'overdue', assignee: 'me', q: 'Nguyễn' },
        createdAt: expect.any(String),
      });
      const listed = await me.api.get('/api/inbox/filters').expect(200);
      expect(listed.body.limit).toBe(20);
      expect(listed.body.items.map((f: { name: string }) => f.name)).toEqual(['Chưa nhận', 'Hộ kinh doanh quá hạn']);
      // and the other officer sees none, and cannot delete them (404, as a missing one)
      expect((await other.api.get('/api/inbox/filters').expect(200)).body.items).toEqual([]);
      const foreign = await other.api.delete(`/api/inbox/filters/${overdue.body.id}`).expect(404);
      expect(foreign.body.code).toBe('SAVED_FILTER_NOT_FOUND');
      expect((await other.api.delete('/api/inbox/filters/khong-phai-uuid').expect(404)).body.code).toBe(
        'SAVED_FILTER_NOT_FOUND',
      );
      // the saved filters are what GET /api/tasks takes
      const f = overdue.body.filter as Record<string, string>;
      await me.api
        .get(`/api/tasks?procedure=${f.procedure}&overdue=true&assignee=me&q=${encodeURIComponent(f.q)}`)
        .expect(200);
      // when the owner deletes one, then the rest is answered
      const left = await me.api.delete(`/api/inbox/filters/${overdue.body.id}`).expect(200);
      expect(left.body.items.map((x: { name: string }) => x.name)).toEqual(['Chưa nhận']);
      expect((await me.api.delete(`/api/inbox/filters/${overdue.body.id}`).expect(404)).body.code).toBe(
        'SAVED_FILTER_NOT_FOUND',
      );
    });

    it('refuses a duplicate name (any case), a 21st filter, a name too long or blank, and unknown filter values', async () => {
      const [me] = await newOfficers(server, 1, ['reception']);
      await me.api.post('/api/inbox/filters', { name: 'Quá hạn', filter: { due: 'overdue' } }).expect(201);
      // a duplicate, whatever its case
      const dup = await me.api.post('/api/inbox/filters', { name: 'QUÁ HẠN', filter: {} }).expect(409);
      expect(dup.body.code).toBe('SAVED_FILTER_NAME_TAKEN');
      // malformed input: 400 VALIDATION_FAILED, nothing saved
      for (const body of [
        { name: 'x'.repeat(61), filter: {} },
        { name: '   ', filter: {} },
        { name: '', filter: {} },
        { name: 'Không có bộ lọc' },
        { name: 'Hạn lạ', filter: { due: 'tomorrow' } },
        { name: 'Người lạ', filter: { assignee: 'someone' } },
        { name: 'Tìm dài', filter: { q: 'a'.repeat(201) } },
      ]) {
        expect((await me.api.post('/api/inbox/filters', body).expect(400)).body.code).toBe('VALIDATION_FAILED');
      }
      expect((await me.api.get('/api/inbox/filters').expect(200)).body.items).toHaveLength(1);
      // up to 20, then 409 SAVED_FILTER_LIMIT (saved at once: the count holds under concurrency)
      const results = await Promise.all(
        Array.from({ length: 22 }, (_, i) =>
          me.api.post('/api/inbox/filters', { name: `Bộ lọc ${i + 1}`, filter: { q: `${i}` } }),
        ),
      );
      expect(results.filter((r) => r.status === 201)).toHaveLength(19);
      const refused = results.filter((r) => r.status !== 201);
      expect(refused.map((r) => [r.status, r.body.code])).toEqual(Array(3).fill([409, 'SAVED_FILTER_LIMIT']));
      expect((await me.api.get('/api/inbox/filters').expect(200)).body.items).toHaveLength(20);
    });
  });

  describe('POST /api/tasks/assignable-officers', () => {
    it("lists the active officers of the head's unit whose roles fit the steps; a head of another unit gets none and is refused per step", async () => {
      // given two open review steps (group specialist) in the city, one in another unit, and officers
      const [a, b] = await Promise.all([1, 2].map(async () => openTask(admin, await start(), 'Task_Review')));
      const foreignUnit = '000.20.20.H15';
      const foreign = await openTask(admin, await start({ receivingUnit: foreignUnit }), 'Task_Review');
      const [colleague] = await newOfficers(server, 1, ['specialist:land']);
      const [away] = await newOfficers(server, 1, ['specialist'], foreignUnit);
      const [otherHead] = await newOfficers(server, 1, ['head'], foreignUnit);
      const [idle] = await newOfficers(server, 1, ['specialist']);
      // (an inactive officer is never offered)
      await db(server).query(`UPDATE users SET active = false WHERE username = $1`, [idle.username]);

      // when the city's head asks who may take the three steps
      const res = await head
        .post('/api/tasks/assignable-officers', { taskIds: [a.id, b.id, foreign.id, randomUUID()] })
        .expect(200);
      // then only the two city steps count, and only active specialists of the city are offered
      expect(res.body.steps).toBe(2);
      const names = (res.body.items as Officer[]).map((o) => o.username);
      expect(names).toContain(colleague.username);
      expect(names).toContain('specialist');
      expect(names).not.toContain('reception');
      expect(names).not.toContain(away.username);
      expect(names).not.toContain(idle.username);
      expect((res.body.items as Officer[]).find((o) => o.username === colleague.username)).toEqual(
        expect.objectContaining({ fits: 2, fullName: 'Cán bộ thử nghiệm', roles: ['specialist:land'] }),
      );

      // when the head of another unit asks about the city's steps: nobody, and bulk assign refuses each step
      const outside = await otherHead.api.post('/api/tasks/assignable-officers', { taskIds: [a.id, b.id] }).expect(200);
      expect(outside.body).toEqual({ steps: 0, items: [] });
      const assign = await otherHead.api
        .post('/api/tasks/bulk-assign', { taskIds: [a.id, b.id], userId: away.id })
        .expect(200);
      expect(assign.body).toEqual({
        done: [],
        refused: [
          { taskId: a.id, code: 'TASK_NOT_FOUND' },
          { taskId: b.id, code: 'TASK_NOT_FOUND' },
        ],
      });
      // and its own step is offered to its own specialist
      const own = await otherHead.api.post('/api/tasks/assignable-officers', { taskIds: [foreign.id] }).expect(200);
      expect((own.body.items as Officer[]).map((o) => o.username)).toContain(away.username);

      // the head sees the unit's specialist steps with ?scope=unit (to hand them out), not in their own inbox
      const scoped = await head.get('/api/tasks?scope=unit&procedure=single-task&limit=200').expect(200);
      const scopedIds = (scoped.body.items as { id: string }[]).map((t) => t.id);
      expect(scopedIds).toEqual(expect.arrayContaining([a.id, b.id]));
      expect(scopedIds).not.toContain(foreign.id);
      expect(scoped.body.total).toBe(scopedIds.length);
      const ownInbox = await head.get('/api/tasks?procedure=single-task&limit=200').expect(200);
      expect((ownInbox.body.items as { id: string }[]).map((t) => t.id)).not.toContain(a.id);

      // a specialist may not use the picker nor the unit's view; malformed requests are 400
      const [plain] = await newOfficers(server, 1, ['specialist']);
      expect((await plain.api.post('/api/tasks/assignable-officers', { taskIds: [a.id] }).expect(403)).body.code).toBe(
        'FORBIDDEN_ROLE',
      );
      expect((await plain.api.get('/api/tasks?scope=unit').expect(403)).body.code).toBe('FORBIDDEN_ROLE');
      for (const body of [{ taskIds: [] }, { taskIds: ['x'] }, {}]) {
        expect((await head.post('/api/tasks/assignable-officers', body).expect(400)).body.code).toBe(
          'VALIDATION_FAILED',
        );
      }
    });
  });
});
