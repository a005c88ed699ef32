import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { TestServer } from '../support/test-app';
import { CITY, db, DEMO_PASSWORD } from '../e2e/workflow.helpers';

/**
 * What the fuzzer may break: its own dossiers, task, instance, account, unit and procedure code,
 * so random bodies that happen to be valid change nothing another suite relies on (one shared
 * database in CI). Path parameters of every route resolve to these.
 */
export interface FuzzFixture {
  tokens: Record<'reception' | 'specialist' | 'head' | 'leader' | 'admin' | 'own', string>;
  username: string;
  password: string;
  unitCode: string;
  dossier: string;
  taskId: string;
  instanceId: string;
  procedureCode: string;
  definitionKey: string;
}

export async function buildFuzzFixture(server: TestServer): Promise<FuzzFixture> {
  const login = async (username: string, password = DEMO_PASSWORD) =>
    (await request(server.url).post('/api/auth/login').send({ username, password }).expect(200)).body
      .accessToken as string;
  const roles = ['reception', 'specialist', 'head', 'leader', 'admin'] as const;
  const demo = Object.fromEntries(await Promise.all(roles.map(async (role) => [role, await login(role)]))) as Record<
    (typeof roles)[number],
    string
  >;
  const as = (token: string) => (method: 'post' | 'get', path: string, body?: object) =>
    request(server.url)[method](path).set('Authorization', `Bearer ${token}`).send(body);
  const admin = as(demo.admin);
  const unique = randomUUID().replace(/\D/g, '').padEnd(6, '3');
  const username = `fz-${randomUUID().slice(0, 8)}`;
  const initial = `Tam-Thoi-${randomUUID().slice(0, 8)}`;
  const password = `Fuzz-${randomUUID()}`;
  await admin('post', '/api/admin/users', {
    username,
    fullName: 'Cán bộ kiểm thử mờ',
    unitCode: CITY,
    roles: ['specialist'],
    password: initial,
  }).expect(201);
  const temporary = await login(username, initial);
  // The change ends the temporary session's token and answers the one to go on with.
  const own = (
    await as(temporary)('post', '/api/auth/password', { currentPassword: initial, newPassword: password }).expect(200)
  ).body.accessToken as string;
  const unitCode = `8${unique.slice(0, 2)}.${unique.slice(2, 4)}.20.H15`;
  await admin('post', '/api/admin/units', {
    code: unitCode,
    name: 'Đơn vị kiểm thử mờ',
    kind: 'office',
    parentCode: CITY,
  }).expect(201);
  const receive = async () =>
    (
      await as(demo.reception)('post', '/api/dossiers', {
        procedureCode: '1.001612',
        applicant: { fullName: 'Mờ Thị Thử', idNumber: '066190009999', phone: '0905999999' },
        channel: 'direct',
        documents: ['giay-de-nghi', 'giay-to-phap-ly'],
      }).expect(201)
    ).body.code as string;
  const dossier = await receive();
  const taskDossier = await receive();
  const [task] = await db(server).query(
    `SELECT t.id, t.instance_id FROM tasks t JOIN process_instances i ON i.id = t.instance_id WHERE i.business_key = $1 AND t.status = 'open'`,
    [taskDossier],
  );
  return {
    tokens: { ...demo, own },
    username,
    password,
    unitCode,
    dossier,
    taskId: task.id,
    instanceId: task.instance_id,
    procedureCode: `FUZZ.${unique.slice(0, 6)}`,
    definitionKey: `fuzz_none_${unique.slice(0, 6)}`,
  };
}

/** The route's path with its parameters bound to the fixture's own resources. */
export function bindPath(path: string, f: FuzzFixture): string {
  const bound = path
    .replace(/^\/api\/dossiers\/:code/, `/api/dossiers/${f.dossier}`)
    .replace(/^\/api\/admin\/units\/:code/, `/api/admin/units/${f.unitCode}`)
    .replace(/^\/api\/admin\/procedures\/:code/, `/api/admin/procedures/${f.procedureCode}`)
    .replace(/^\/api\/procedures\/:code/, '/api/procedures/1.001612')
    .replace(/^\/api\/tasks\/:id/, `/api/tasks/${f.taskId}`)
    .replace(/^\/api\/instances\/:id/, `/api/instances/${f.instanceId}`)
    .replace(':username', f.username)
    .replace(':key', f.definitionKey)
    .replace(/:id\b/, randomUUID())
    .replace(/:\w+/g, 'x');
  // Writes that default to province-wide settings get the fixture's unit or an unused year.
  if (bound === '/api/calendar/office-hours') return `${bound}?unit=${f.unitCode}`;
  if (bound === '/api/calendar/holidays') return `${bound}?year=2199`;
  return bound;
}

/** A valid-looking body per endpoint, the seed the mutations start from; `{}` for the rest. */
export function exampleBody(method: string, path: string, f: FuzzFixture): Record<string, unknown> {
  const examples: Record<string, Record<string, unknown>> = {
    'POST /api/auth/login': { username: f.username, password: 'sai-mat-khau' },
    'POST /api/auth/password': { currentPassword: 'sai-mat-khau', newPassword: 'Moi-Mat-Khau-2027' },
    'POST /api/admin/units': { code: '899.99.20.H15', name: 'Đơn vị', kind: 'office', parentCode: f.unitCode },
    'PATCH /api/admin/units/:code': { name: 'Đơn vị kiểm thử mờ', kind: 'office' },
    'POST /api/admin/units/:code/move': { parentCode: '000.00.20.H15' },
    'POST /api/admin/users': { username: 'fz-new', fullName: 'Cán bộ', unitCode: f.unitCode, roles: ['specialist'] },
    'PATCH /api/admin/users/:username': {
      fullName: 'Cán bộ kiểm thử mờ',
      unitCode: '000.00.20.H15',
      roles: ['specialist'],
    },
    'POST /api/instances': { definitionKey: f.definitionKey, businessKey: 'fuzz', variables: { a: 1 } },
    'POST /api/instances/:id/messages': { name: 'fuzz-message', variables: {} },
    'POST /api/instances/:id/cancel': { reason: 'fuzz' },
    'POST /api/tasks/:id/complete': { variables: { outcome: 'approve' } },
    'POST /api/tasks/:id/delegate': { userId: randomUUID() },
    'POST /api/admin/migrations': {
      definitionKey: f.definitionKey,
      fromVersion: 1,
      toVersion: 2,
      instanceIds: [randomUUID()],
      mapping: { a: 'b' },
    },
    'POST /api/admin/migrations/plan': { definitionKey: f.definitionKey, fromVersion: 1, toVersion: 2, mapping: {} },
    'POST /api/messages': { name: `fuzz-message-${f.definitionKey}`, correlationKey: 'fuzz', variables: {} },
    'POST /api/signals': { name: `fuzz-signal-${f.definitionKey}`, variables: {} },
    'PUT /api/calendar/holidays': {
      year: 2199,
      holidays: [{ date: '2199-01-01', name: 'Tết Dương lịch' }],
      workingDays: [],
    },
    'PUT /api/calendar/office-hours': {
      sessions: [
        { start: '07:00', end: '11:30' },
        { start: '13:30', end: '17:00' },
      ],
    },
    'POST /api/dossiers': {
      procedureCode: '1.001612',
      applicant: {
        fullName: 'Mờ Văn Thử',
        idNumber: '066190008888',
        phone: '0905888888',
        email: 'mo.van.thu@example.vn',
        address: 'Buôn Ma Thuột',
      },
      channel: 'direct',
      documents: ['giay-de-nghi', 'giay-to-phap-ly'],
    },
    'POST /api/dossiers/:code/supplement-request': { reason: 'Thiếu giấy tờ', documents: ['giay-de-nghi'] },
    'POST /api/dossiers/:code/supplement-received': { note: 'Đã bổ sung' },
    'POST /api/dossiers/:code/refuse': { reason: 'Không đủ điều kiện' },
    'POST /api/dossiers/:code/withdraw': { reason: 'Rút hồ sơ' },
    'POST /api/dossiers/:code/apology': { reason: 'Chậm', newAppointmentAt: '2027-01-05T08:00:00+07:00' },
    'POST /api/dossiers/:code/return': { note: 'Đã trả' },
    'POST /api/admin/procedures': procedure(f.procedureCode),
    'PUT /api/admin/procedures/:code': procedure(f.procedureCode),
    'POST /api/admin/procedures/import': { procedures: [procedure(f.procedureCode)] },
    'POST /api/sms/inbound': { from: '0905777777', text: `HS ${f.dossier}` },
  };
  return examples[`${method} ${path}`] ?? {};
}

function procedure(code: string): Record<string, unknown> {
  return {
    code,
    name: 'Thủ tục kiểm thử mờ',
    field: 'Kiểm thử',
    level: 'district',
    legalTime: { workingDays: 3 },
    fee: 0,
    documents: [{ code: 'to-khai', name: 'Tờ khai', kind: 'original', required: true }],
    processKey: 'khong-co-quy-trinh',
    channels: ['direct'],
    published: false,
  };
}

/** Which caller sends the bodies of a route: one who gets past its guard, so the body is read. */
export function tokenFor(method: string, path: string, f: FuzzFixture): string | undefined {
  if (path === '/api/auth/login' || path.startsWith('/api/public') || path === '/api/sms/inbound') return undefined;
  if (path.startsWith('/api/auth')) return f.tokens.own;
  if (path.startsWith('/api/dossiers/:code/apology')) return f.tokens.leader;
  if (path.startsWith('/api/dossiers') || path.startsWith('/api/tasks')) return f.tokens.reception;
  if (path.startsWith('/api/reports')) return f.tokens.leader;
  return f.tokens.admin;
}
