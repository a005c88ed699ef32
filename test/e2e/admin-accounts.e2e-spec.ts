import { startTestServer, type TestServer } from '../support/test-app';
import { adminCounts, apiAs, login, officerReady, strongPassword, uniqueName, type AdminApi } from './admin.helpers';
import { CITY, DEMO_PASSWORD, db, fixture, newOfficers, openTask, withKey, type TaskJson } from './workflow.helpers';

jest.setTimeout(60_000);

const THANH_CONG = '000.21.20.H15'; // a commune (ward) under the city
const HOA_THANG = '000.22.20.H15'; // another commune
const PROVINCE = '000.00.00.H15';

/** Feature: accounts and roles administered over HTTP (issue 10, items 2 and 5). */
describe('admin accounts (e2e)', () => {
  let server: TestServer;
  let admin: AdminApi;

  const signIn = async (username: string) =>
    apiAs(server, (await login(server, username, DEMO_PASSWORD).expect(200)).body.accessToken);
  const startReview = async (receivingUnit: string) =>
    (await admin.post('/api/instances', { definitionKey: 'admin-review', variables: { receivingUnit } }).expect(201))
      .body.id as string;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await signIn('admin');
    // Own key and procedure code, so other suites' inbox assertions never see these tasks.
    const xml = withKey(fixture('workflow-single-task.bpmn'), 'single-task', 'admin-review').replace(
      '"test.single-task"',
      '"test.admin-review"',
    );
    await admin.deployXml(xml).expect(201);
  });
  afterAll(() => server?.close());

  describe('a new officer', () => {
    it('logs in, must change the password first, then sees their unit’s tasks and nothing of other units', async () => {
      // given an officer created by the city administrator in a commune, and a task in that commune and one in the city
      const username = uniqueName('cb');
      const initial = strongPassword();
      const created = await admin
        .post('/api/admin/users', {
          username,
          fullName: 'Nguyễn Thị Mới',
          unitCode: THANH_CONG,
          roles: ['specialist'],
          password: initial,
        })
        .expect(201);
      expect(created.body.user).toMatchObject({
        username,
        unitCode: THANH_CONG,
        roles: ['specialist'],
        active: true,
        mustChangePassword: true,
      });
      expect(created.body.temporaryPassword).toBeUndefined();
      const communeTask = await openTask(admin, await startReview(THANH_CONG), 'Task_Review');
      const cityTask = await openTask(admin, await startReview(CITY), 'Task_Review');

      // when the officer logs in
      const session = await login(server, username, initial).expect(200);
      const officer = apiAs(server, session.body.accessToken);

      // then only /me and the password change are open until the password is changed
      expect(session.body.user).toMatchObject({ username, unitCode: THANH_CONG, mustChangePassword: true });
      await officer.get('/api/auth/me').expect(200);
      expect((await officer.get('/api/tasks').expect(403)).body.code).toBe('PASSWORD_CHANGE_REQUIRED');
      const weak = await officer
        .post('/api/auth/password', { currentPassword: initial, newPassword: 'matkhau123' })
        .expect(400);
      expect(weak.body).toMatchObject({ code: 'PASSWORD_WEAK', details: { problems: ['common'] } });
      expect(
        (
          await officer
            .post('/api/auth/password', { currentPassword: initial, newPassword: `${username}-Xyz` })
            .expect(400)
        ).body.details.problems,
      ).toContain('contains_username');
      const changed = await officer
        .post('/api/auth/password', { currentPassword: initial, newPassword: 'Lua-chin-vang-2026' })
        .expect(200);

      // and afterwards (on the token the change answered: it ended the old one) the inbox holds the commune's task and not the city's
      const officerNow = apiAs(server, changed.body.accessToken);
      await officer.get('/api/auth/me').expect(401);
      expect((await officerNow.get('/api/auth/me').expect(200)).body.mustChangePassword).toBe(false);
      const inbox = (await officerNow.get('/api/tasks?procedure=admin-review&limit=200').expect(200)).body
        .items as TaskJson[];
      expect(inbox.map((task) => task.id)).toContain(communeTask.id);
      expect(inbox.map((task) => task.id)).not.toContain(cityTask.id);
      expect(inbox.every((task) => task.unitCode === THANH_CONG)).toBe(true);
      await officerNow.get(`/api/tasks/${cityTask.id}`).expect(404);
    });

    it('gets a generated temporary password, returned once, when none is given', async () => {
      // when
      const username = uniqueName('cb');
      const res = await admin
        .post('/api/admin/users', { username, fullName: 'Lê Văn Tạm', unitCode: CITY, roles: ['reception'] })
        .expect(201);
      // then
      expect(res.body.temporaryPassword).toMatch(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/);
      expect((await login(server, username, res.body.temporaryPassword).expect(200)).body.user.mustChangePassword).toBe(
        true,
      );
      expect((await admin.get(`/api/admin/users/${username}`).expect(200)).body).not.toHaveProperty(
        'temporaryPassword',
      );
    });
  });

  describe('scope of a unit administrator', () => {
    it('cannot create or change accounts outside their subtree, nor grant admin above it (403 ADMIN_SCOPE)', async () => {
      // given an administrator of a commune
      const { username: communeAdminName, api: communeAdmin } = await officerReady(server, admin, {
        unitCode: HOA_THANG,
        roles: ['admin'],
      });
      const before = await adminCounts(server);

      // when / then: another commune, the city above, the province
      for (const [unitCode, roles] of [
        [THANH_CONG, ['reception']],
        [CITY, ['admin']],
        [PROVINCE, ['admin']],
      ] as const) {
        const res = await communeAdmin
          .post('/api/admin/users', {
            username: uniqueName('x'),
            fullName: 'Ngoài phạm vi',
            unitCode,
            roles,
            password: strongPassword(),
          })
          .expect(403);
        expect(res.body.code).toBe('ADMIN_SCOPE');
      }
      expect(
        (await communeAdmin.patch('/api/admin/users/reception', { fullName: 'Đổi tên' }).expect(403)).body.code,
      ).toBe('ADMIN_SCOPE');
      expect((await communeAdmin.post('/api/admin/users/reception/deactivate').expect(403)).body.code).toBe(
        'ADMIN_SCOPE',
      );
      // the city administrator cannot grant admin at the province either
      const above = await admin
        .post('/api/admin/users', {
          username: uniqueName('x'),
          fullName: 'Cấp tỉnh',
          unitCode: PROVINCE,
          roles: ['admin'],
          password: strongPassword(),
        })
        .expect(403);
      expect(above.body.code).toBe('ADMIN_SCOPE');
      expect(await adminCounts(server)).toEqual(before);

      // and inside the subtree it works, and lists only its own unit
      const own = uniqueName('cb');
      await communeAdmin
        .post('/api/admin/users', {
          username: own,
          fullName: 'Trong phạm vi',
          unitCode: HOA_THANG,
          roles: ['reception'],
          password: strongPassword(),
        })
        .expect(201);
      const listed = (await communeAdmin.get('/api/admin/users?limit=200').expect(200)).body.items as {
        username: string;
        unitCode: string;
      }[];
      expect(listed.map((account) => account.username)).toEqual(expect.arrayContaining([communeAdminName, own]));
      expect(listed.filter((account) => account.unitCode !== HOA_THANG)).toEqual([]); // not the city's, not other communes'
      expect((await communeAdmin.get(`/api/admin/users?unit=${CITY}`).expect(403)).body.code).toBe('ADMIN_SCOPE');
    });

    it('a province administrator manages every unit', async () => {
      // given a province administrator (only another one could create it: moved there through the database)
      const { username, api: provinceAdmin } = await officerReady(server, admin, { unitCode: CITY, roles: ['admin'] });
      await db(server).query(`UPDATE users SET unit_id = (SELECT id FROM units WHERE code = $2) WHERE username = $1`, [
        username,
        PROVINCE,
      ]);
      // when
      const res = await provinceAdmin.post('/api/admin/users', {
        username: uniqueName('so'),
        fullName: 'Cán bộ Sở',
        unitCode: '000.00.01.H15',
        roles: ['admin'],
        password: strongPassword(),
      });
      const tree = await provinceAdmin.get('/api/admin/units').expect(200);
      // then
      expect(res.status).toBe(201);
      expect(tree.body.items.map((unit: { code: string }) => unit.code)).toEqual([PROVINCE]);
    });
  });

  describe('deactivation', () => {
    it('releases the claimed tasks back to the group, with a history row, in the same change', async () => {
      // given an officer holding two claimed tasks and a completed one
      const [officer] = await newOfficers(server, 1, ['specialist']);
      const held = [
        await openTask(admin, await startReview(CITY), 'Task_Review'),
        await openTask(admin, await startReview(CITY), 'Task_Review'),
      ];
      for (const task of held) await officer.api.post(`/api/tasks/${task.id}/claim`).expect(200);

      // when
      const res = await admin.post(`/api/admin/users/${officer.username}/deactivate`).expect(200);

      // then the tasks are back in the pool, each with a task.released history row, and the token is dead
      expect(res.body.user.active).toBe(false);
      expect([...res.body.releasedTaskIds].sort()).toEqual(held.map((task) => task.id).sort());
      const rows: { assignee: string | null; claimed_at: Date | null }[] = await db(server).query(
        `SELECT assignee, claimed_at FROM tasks WHERE id = ANY($1)`,
        [held.map((t) => t.id)],
      );
      expect(rows).toEqual([
        { assignee: null, claimed_at: null },
        { assignee: null, claimed_at: null },
      ]);
      const history = await db(server).query(
        `SELECT task_id, actor, data FROM history_events WHERE type = 'task.released' AND task_id = ANY($1)`,
        [held.map((t) => t.id)],
      );
      expect(history).toHaveLength(2);
      expect(history[0]).toMatchObject({
        actor: 'admin',
        data: { from: officer.username, reason: 'account_deactivated' },
      });
      await officer.api.get('/api/tasks').expect(401);
      const specialist = await signIn('specialist');
      const pool = (await specialist.get('/api/tasks?unassigned=true&procedure=admin-review&limit=200').expect(200))
        .body.items as TaskJson[];
      expect(pool.map((task) => task.id)).toEqual(expect.arrayContaining(held.map((task) => task.id)));

      // and the audit says who did it, with before/after and no password hash
      const audit = await admin
        .get(`/api/admin/audit?action=admin.user.deactivated&subject=user:${officer.username}`)
        .expect(200);
      expect(audit.body.items).toEqual([
        expect.objectContaining({
          actor: 'admin',
          data: expect.objectContaining({
            before: expect.objectContaining({ active: true }),
            after: expect.objectContaining({ active: false }),
          }),
        }),
      ]);
      expect(JSON.stringify(audit.body)).not.toMatch(/scrypt|passwordHash/);
      // reactivating brings the account back; the tasks stay in the pool
      await admin.post(`/api/admin/users/${officer.username}/reactivate`).expect(200);
      await officer.api.get('/api/tasks').expect(200);
    });

    it('moving an officer to another unit also releases the tasks they held in the old one', async () => {
      // given
      const [officer] = await newOfficers(server, 1, ['specialist']);
      const task = await openTask(admin, await startReview(CITY), 'Task_Review');
      await officer.api.post(`/api/tasks/${task.id}/claim`).expect(200);
      // when
      await admin.patch(`/api/admin/users/${officer.username}`, { unitCode: THANH_CONG }).expect(200);
      // then
      const [row] = await db(server).query(`SELECT assignee FROM tasks WHERE id = $1`, [task.id]);
      expect(row.assignee).toBeNull();
      const [history] = await db(server).query(
        `SELECT data FROM history_events WHERE type = 'task.released' AND task_id = $1`,
        [task.id],
      );
      expect(history.data).toEqual({ from: officer.username, reason: 'account_moved' });
    });

    it('an administrator cannot deactivate themselves (400 ADMIN_SELF_CHANGE)', async () => {
      expect((await admin.post('/api/admin/users/admin/deactivate').expect(400)).body.code).toBe('ADMIN_SELF_CHANGE');
    });
  });

  describe('password reset, unlock, edit', () => {
    it('reset gives a temporary password to change at next login and ends the tokens; unlock lifts the login waits', async () => {
      // given an officer made to wait by five wrong passwords, with a session
      const { username, api } = await officerReady(server, admin, { unitCode: CITY, roles: ['reception'] });
      for (let i = 0; i < 5; i++) await login(server, username, 'wrong-password').expect(401);
      expect((await login(server, username, 'wrong-password').expect(429)).body.code).toBe('LOGIN_THROTTLED');
      expect((await admin.get(`/api/admin/users/${username}`).expect(200)).body.failedLogins).toBe(5);
      await api.get('/api/auth/me').expect(200);

      // when
      const reset = await admin.post(`/api/admin/users/${username}/reset-password`).expect(200);

      // then the session has ended, the temporary password works (the wait is gone) and must be changed
      await api.get('/api/auth/me').expect(401);
      const session = await login(server, username, reset.body.temporaryPassword).expect(200);
      expect(session.body.user.mustChangePassword).toBe(true);
      for (let i = 0; i < 5; i++) await login(server, username, 'wrong-password').expect(401);
      await login(server, username, reset.body.temporaryPassword).expect(429);
      await admin.post(`/api/admin/users/${username}/unlock`).expect(200);
      await login(server, username, reset.body.temporaryPassword).expect(200);
    });

    it('edits full name, unit and roles, audited before/after', async () => {
      // given
      const { username } = await officerReady(server, admin, { unitCode: CITY, roles: ['reception'] });
      // when
      const res = await admin
        .patch(`/api/admin/users/${username}`, {
          fullName: 'Trần Văn Đổi',
          unitCode: THANH_CONG,
          roles: ['specialist:land', 'head'],
        })
        .expect(200);
      // then
      expect(res.body).toMatchObject({
        fullName: 'Trần Văn Đổi',
        unitCode: THANH_CONG,
        roles: ['specialist:land', 'head'],
      });
      const audit = await admin
        .get(`/api/admin/audit?actor=admin&action=admin.user&subject=user:${username}`)
        .expect(200);
      expect(audit.body.items.map((entry: { action: string }) => entry.action)).toEqual([
        'admin.user.updated',
        'admin.user.created',
      ]);
      expect(audit.body.items[0].data).toMatchObject({
        before: { roles: ['reception'], unitCode: CITY },
        after: { roles: ['specialist:land', 'head'] },
      });
    });
  });

  describe('bad input: a 4xx with a stable code, nothing changed', () => {
    const valid = () => ({
      username: uniqueName('cb'),
      fullName: 'Cán bộ',
      unitCode: CITY,
      roles: ['reception'],
      password: strongPassword(),
    });

    it.each([
      ['a duplicate username', () => ({ ...valid(), username: 'reception' }), 409, 'USERNAME_TAKEN'],
      ['an unknown role', () => ({ ...valid(), roles: ['reception', 'superuser'] }), 400, 'ROLE_INVALID'],
      ['a malformed field', () => ({ ...valid(), roles: ['specialist:Đất đai'] }), 400, 'ROLE_INVALID'],
      ['a weak password', () => ({ ...valid(), password: 'motcua2026' }), 400, 'PASSWORD_WEAK'],
      ['an invalid username', () => ({ ...valid(), username: 'Nguyễn Văn A' }), 400, 'USERNAME_INVALID'],
      ['an unknown unit', () => ({ ...valid(), unitCode: '000.99.20.H15' }), 400, 'UNIT_NOT_FOUND'],
      ['a missing full name', () => ({ ...valid(), fullName: '' }), 400, 'VALIDATION_FAILED'],
    ])('refuses %s', async (_, body, status, code) => {
      // given
      const before = await adminCounts(server);
      // when
      const res = await admin.post('/api/admin/users', body()).expect(status);
      // then
      expect(res.body.code).toBe(code);
      expect(await adminCounts(server)).toEqual(before);
    });

    it('refuses an unknown role on edit, and a weak new password on change', async () => {
      const before = await adminCounts(server);
      expect((await admin.patch('/api/admin/users/reception', { roles: ['boss'] }).expect(400)).body.code).toBe(
        'ROLE_INVALID',
      );
      expect(await adminCounts(server)).toEqual(before);
      const reception = await signIn('reception');
      expect(
        (
          await reception
            .post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'short1' })
            .expect(400)
        ).body.code,
      ).toBe('PASSWORD_WEAK');
      await login(server, 'reception', DEMO_PASSWORD).expect(200);
    });

    it('is for administrators only (403 FORBIDDEN_ROLE)', async () => {
      const reception = await signIn('reception');
      expect((await reception.get('/api/admin/users').expect(403)).body.code).toBe('FORBIDDEN_ROLE');
      expect(
        (
          await reception
            .post('/api/admin/units', { code: '000.30.20.H15', name: 'X', kind: 'commune', parentCode: CITY })
            .expect(403)
        ).body.code,
      ).toBe('FORBIDDEN_ROLE');
    });
  });
});
