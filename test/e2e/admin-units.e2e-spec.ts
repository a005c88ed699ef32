import { startTestServer, type TestServer } from '../support/test-app';
import { adminCounts, apiAs, login, officerReady, type AdminApi } from './admin.helpers';
import { CITY, DEMO_PASSWORD, db } from './workflow.helpers';

jest.setTimeout(60_000);

interface UnitNode {
  code: string;
  name: string;
  kind: string;
  parentCode: string | null;
  active: boolean;
  users: number;
  children: UnitNode[];
}

function find(nodes: UnitNode[], code: string): UnitNode | undefined {
  for (const node of nodes) {
    if (node.code === code) return node;
    const inner = find(node.children, code);
    if (inner) return inner;
  }
  return undefined;
}

/** Feature: the unit tree administered over HTTP, and the audit trail search (issue 10, items 1, 4, 5). */
describe('admin units (e2e)', () => {
  let server: TestServer;
  let admin: AdminApi;

  const tree = async (api: AdminApi = admin) =>
    (await api.get('/api/admin/units').expect(200)).body.items as UnitNode[];
  const create = (code: string, parentCode = CITY, name = `Đơn vị ${code}`) =>
    admin.post('/api/admin/units', { code, name, kind: 'office', parentCode });

  beforeAll(async () => {
    server = await startTestServer();
    admin = apiAs(server, (await login(server, 'admin', DEMO_PASSWORD).expect(200)).body.accessToken);
  });
  afterAll(() => server?.close());

  it("lists the administrator's subtree as a tree with account counts", async () => {
    // when
    const items = await tree();
    // then the city admin sees the city and below, not the province
    expect(items.map((unit) => unit.code)).toEqual([CITY]);
    expect(find(items, '000.00.00.H15')).toBeUndefined();
    expect(find(items, CITY)).toMatchObject({ kind: 'district', active: true });
    expect(find(items, CITY)!.users).toBeGreaterThanOrEqual(5); // the demo five, plus officers of other suites
    expect(find(items, '000.20.20.H15')).toMatchObject({ parentCode: CITY, kind: 'commune' });
  });

  it('creates, renames, moves, deactivates and reactivates a unit, each audited', async () => {
    // given two new offices and a unit under the first (demo units are left as they are: other suites use them)
    await create('000.07.20.H15').expect(201);
    await create('000.17.20.H15').expect(201);
    await create('000.01.07.H15', '000.07.20.H15').expect(201);
    // when
    await admin
      .patch('/api/admin/units/000.07.20.H15', { name: 'Phòng Văn hóa và Thông tin', kind: 'office' })
      .expect(200);
    const moved = await admin.post('/api/admin/units/000.01.07.H15/move', { parentCode: '000.17.20.H15' }).expect(200);
    const busy = await admin.post('/api/admin/units/000.17.20.H15/deactivate').expect(409);
    await admin.post('/api/admin/units/000.01.07.H15/deactivate').expect(200);
    // then
    expect(moved.body).toMatchObject({ code: '000.01.07.H15', parentCode: '000.17.20.H15' });
    expect(busy.body.code).toBe('UNIT_HAS_ACTIVE_CHILDREN');
    const items = await tree();
    expect(find(items, '000.07.20.H15')).toMatchObject({ name: 'Phòng Văn hóa và Thông tin', children: [] });
    expect(find(items, '000.17.20.H15')!.children.map((unit) => unit.code)).toEqual(['000.01.07.H15']);
    expect(find(items, '000.01.07.H15')).toMatchObject({ active: false, parentCode: '000.17.20.H15' });
    await admin.post('/api/admin/units/000.01.07.H15/reactivate').expect(200);
    const audit = await admin.get('/api/admin/audit?action=admin.unit&subject=unit:000.01.07.H15').expect(200);
    expect(audit.body.items.map((entry: { action: string }) => entry.action)).toEqual([
      'admin.unit.reactivated',
      'admin.unit.deactivated',
      'admin.unit.moved',
      'admin.unit.created',
    ]);
    expect(audit.body.items[2].data).toMatchObject({
      before: { parentCode: '000.07.20.H15' },
      after: { parentCode: '000.17.20.H15' },
    });
    expect(audit.body.items[2].ip).toEqual(expect.any(String));
  });

  it('a deactivated unit keeps its accounts (units are never deleted)', async () => {
    // given a unit with an officer
    await create('000.08.20.H15').expect(201);
    const { username } = await officerReady(server, admin, { unitCode: '000.08.20.H15', roles: ['specialist'] });
    // when
    await admin.post('/api/admin/units/000.08.20.H15/deactivate').expect(200);
    // then
    expect((await admin.get(`/api/admin/users/${username}`).expect(200)).body).toMatchObject({
      unitCode: '000.08.20.H15',
      active: true,
    });
  });

  describe('bad input: a 4xx with a stable code, nothing changed', () => {
    beforeAll(async () => {
      await create('000.09.20.H15').expect(201);
      await create('000.01.09.H15', '000.09.20.H15').expect(201);
    });

    it.each([
      ['a code in the wrong format', () => create('H15-000-21'), 400, 'UNIT_CODE_INVALID'],
      ['a code missing its province group', () => create('000.10.20'), 400, 'UNIT_CODE_INVALID'],
      ['a code already used', () => create(CITY), 409, 'UNIT_CODE_TAKEN'],
      ['an unknown parent', () => create('000.11.20.H15', '000.99.99.H15'), 400, 'UNIT_NOT_FOUND'],
      [
        'an unknown kind',
        () => admin.post('/api/admin/units', { code: '000.12.20.H15', name: 'X', kind: 'ministry', parentCode: CITY }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'moving a unit under its own child',
        () => admin.post('/api/admin/units/000.09.20.H15/move', { parentCode: '000.01.09.H15' }),
        400,
        'UNIT_MOVE_CYCLE',
      ],
      [
        'moving a unit under itself',
        () => admin.post('/api/admin/units/000.09.20.H15/move', { parentCode: '000.09.20.H15' }),
        400,
        'UNIT_MOVE_CYCLE',
      ],
      [
        'moving a unit out of the scope',
        () => admin.post('/api/admin/units/000.09.20.H15/move', { parentCode: '000.00.01.H15' }),
        403,
        'ADMIN_SCOPE',
      ],
      [
        'moving the administrator’s own unit',
        () => admin.post(`/api/admin/units/${CITY}/move`, { parentCode: '000.20.20.H15' }),
        403,
        'ADMIN_SCOPE',
      ],
      ['creating above the scope', () => create('000.06.00.H15', '000.00.00.H15'), 403, 'ADMIN_SCOPE'],
    ])('refuses %s', async (_, send, status, code) => {
      // given
      const before = await adminCounts(server);
      // when
      const res = await send().expect(status);
      // then
      expect(res.body.code).toBe(code);
      expect(await adminCounts(server)).toEqual(before);
    });

    it('a commune administrator sees and changes only their commune', async () => {
      // given
      const { api: communeAdmin } = await officerReady(server, admin, { unitCode: '000.22.20.H15', roles: ['admin'] });
      // when / then
      expect((await tree(communeAdmin)).map((unit) => unit.code)).toEqual(['000.22.20.H15']);
      const res = await communeAdmin.patch('/api/admin/units/000.21.20.H15', { name: 'Không được' }).expect(403);
      expect(res.body.code).toBe('ADMIN_SCOPE');
    });
  });

  it('documents the admin endpoints in OpenAPI', async () => {
    const res = await admin.get('/api/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/admin/units',
        '/api/admin/units/{code}/move',
        '/api/admin/users',
        '/api/admin/users/{username}/reset-password',
      ]),
    );
  });

  describe('audit trail search', () => {
    it('filters by user, action family, subject and time range, paginated', async () => {
      // given (the database's clock, so earlier entries of this suite fall before `since`)
      const [{ since }]: { since: string }[] = await db(server).query(
        `SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS since`,
      );
      await create('000.13.20.H15').expect(201);
      await admin.patch('/api/admin/units/000.13.20.H15', { name: 'Tên mới' }).expect(200);
      // when
      const byFamily = await admin
        .get(`/api/admin/audit?actor=admin&action=admin.unit&from=${since}&limit=1`)
        .expect(200);
      const bySubject = await admin.get('/api/admin/audit?subject=unit:000.13.20.H15').expect(200);
      const future = await admin
        .get(`/api/admin/audit?from=${new Date(Date.now() + 60_000).toISOString()}`)
        .expect(200);
      const past = await admin.get(`/api/admin/audit?subject=unit:000.13.20.H15&to=${since}`).expect(200);
      // then
      expect(byFamily.body.items).toEqual([
        expect.objectContaining({ action: 'admin.unit.updated', subject: 'unit:000.13.20.H15' }),
      ]);
      expect(byFamily.body.total).toBe(2);
      expect(bySubject.body.total).toBe(2);
      expect(future.body).toEqual({ items: [], total: 0 });
      expect(past.body.total).toBe(0);
      expect((await admin.get('/api/admin/audit?from=yesterday').expect(400)).body.code).toBe('VALIDATION_FAILED');
    });
  });
});
