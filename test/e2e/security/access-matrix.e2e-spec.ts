import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startTestServer, type TestServer } from '../../support/test-app';
import { CITY, db, DEMO_PASSWORD } from '../workflow.helpers';
import { ACCESS_MATRIX, ROLES, type Entry, type Fixture, type Role } from './access-matrix.table';
import { httpRoutes, routeKey } from './http-routes';

const TANLOI = '000.20.20.H15';
const REFUSED = [401, 403, 404];
type Side = 'own' | 'other';
interface Actor {
  role: Role;
  side: Side;
  token?: string;
}
interface Outcome {
  route: string;
  role: Role;
  side: Side;
  status: number;
  expected: 'allowed' | 'refused';
  ok: boolean;
  why?: string;
}

/**
 * Issue 9: every endpoint of the running app × role × own/other unit against ACCESS_MATRIX.
 * A refused pair must answer 401/403/404; an allowed pair must get past the guards and scope
 * checks (not 401/403, nor 404 on a resource that exists), and an allowed answer to another
 * unit must not carry the city's dossier codes or applicant. No pair may answer 5xx.
 */
describe('access matrix', () => {
  let server: TestServer;
  let fixture: Fixture;
  let actors: Actor[];
  const applicant = { fullName: `Quách Thị Thử Quyền ${randomUUID().slice(0, 4)}`, idNumber: `0661${String(Date.now()).slice(-8)}`, phone: `0978${String(Date.now()).slice(-6)}` };

  beforeAll(async () => {
    server = await startTestServer();
    const token = (username: string, password = DEMO_PASSWORD) => signIn(server, username, password);
    const own = await Promise.all((['reception', 'specialist', 'head', 'leader', 'admin'] as const).map(async (role) => ({ role, side: 'own' as const, token: await token(role) })));
    const adminToken = own.find((actor) => actor.role === 'admin')!.token;
    const other: Actor[] = [
      { role: 'reception', side: 'other', token: await token('reception.tanloi') },
      { role: 'specialist', side: 'other', token: await token('specialist.tanloi') },
      { role: 'leader', side: 'other', token: await token('leader.tanloi') },
      { role: 'head', side: 'other', token: await newOfficer(server, adminToken, TANLOI, ['head']) },
      { role: 'admin', side: 'other', token: await newOfficer(server, adminToken, TANLOI, ['admin']) },
    ];
    actors = [{ role: 'anonymous', side: 'own' }, ...other, ...own];
    fixture = await buildFixture(server, own.find((actor) => actor.role === 'reception')!.token, adminToken, applicant);
  });
  afterAll(() => server.close());

  it('has an expected row for every endpoint the app serves', () => {
    const served = httpRoutes(server.app).map(routeKey);
    const missing = served.filter((key) => !ACCESS_MATRIX[key]);
    const stale = Object.keys(ACCESS_MATRIX).filter((key) => !served.includes(key));
    if (stale.length) console.warn(`Access matrix rows for routes this build does not serve: ${stale.join(', ')}`);
    expect(missing).toEqual([]);
  });

  it('lets the SMS gateway, and only it, past the webhook with its secret', async () => {
    const sms = (secret?: string) => {
      const test = request(server.url).post('/api/sms/inbound').send({ from: '0905000001', text: `HS ${fixture.actionDossier}` });
      return secret === undefined ? test : test.set('x-sms-secret', secret);
    };
    expect((await sms(process.env.SMS_INBOUND_SECRET)).status).toBe(200);
    expect((await sms('wrong-secret')).status).toBe(401);
  });

  it('refuses every forbidden pair and lets every allowed pair through', async () => {
    const outcomes: Outcome[] = [];
    for (const route of httpRoutes(server.app)) {
      const key = routeKey(route);
      const entry = ACCESS_MATRIX[key];
      if (!entry) continue;
      // Refusals first, on the untouched resource; then the allowed callers, who may change it.
      const ordered = [...actors].sort((a, b) => Number(allowed(entry, a)) - Number(allowed(entry, b)));
      for (const actor of ordered) outcomes.push(await probe(server, key, route.method, entry, actor, fixture, applicant));
    }
    const refusedPairs = outcomes.filter((o) => o.expected === 'refused');
    console.log(`access matrix: ${outcomes.length} pairs over ${new Set(outcomes.map((o) => o.route)).size} endpoints; ${refusedPairs.length} forbidden pairs, ${refusedPairs.filter((o) => o.ok).length} refused`);
    expect(outcomes.filter((o) => !o.ok).map((o) => `${o.route} as ${o.role} (${o.side}): ${o.status}, expected ${o.expected}${o.why ? ` — ${o.why}` : ''}`)).toEqual([]);
  }, 240_000);
});

function allowed(entry: Entry, actor: Actor): boolean {
  const who = actor.side === 'own' || actor.role === 'anonymous' ? entry.own : (entry.other ?? entry.own);
  return who.includes(actor.role);
}

async function probe(server: TestServer, key: string, method: string, entry: Entry, actor: Actor, fixture: Fixture, applicant: { fullName: string; idNumber: string; phone: string }): Promise<Outcome> {
  const expected = allowed(entry, actor) ? 'allowed' : 'refused';
  const spec = entry.request(fixture);
  let test = request(server.url)[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](spec.path);
  if (actor.token) test = test.set('Authorization', `Bearer ${actor.token}`);
  if (spec.contentType) test = test.set('Content-Type', spec.contentType);
  const res = await (spec.body !== undefined ? test.send(spec.body as object) : test);
  const base = { route: key, role: actor.role, side: actor.side, status: res.status, expected } as const;
  if (res.status >= 500) return { ...base, ok: false, why: 'server error' };
  // The webhook counts wrong secrets per address (issue 15): past ten, this address is refused with 429.
  const secretThrottled = res.status === 429 && res.body?.code === 'SMS_SECRET_THROTTLED';
  if (expected === 'refused') return { ...base, ok: REFUSED.includes(res.status) || secretThrottled };
  if (res.status === 401 || res.status === 403 || (entry.found && res.status === 404)) return { ...base, ok: false };
  const codes = entry.provinceWide ? [] : [fixture.taskDossier, fixture.actionDossier, fixture.instanceDossier];
  const secret = [...codes, applicant.fullName, applicant.idNumber, applicant.phone].filter((value) => !spec.path.includes(value));
  const leaked = actor.side === 'other' && res.status < 300 ? secret.find((value) => res.text?.includes(value)) : undefined;
  return leaked ? { ...base, ok: false, why: `answer shows ${leaked}` } : { ...base, ok: true };
}

async function signIn(server: TestServer, username: string, password: string): Promise<string> {
  const res = await request(server.url).post('/api/auth/login').send({ username, password }).expect(200);
  return res.body.accessToken;
}

/** An account made by the city's administrator, signed in, its temporary password changed. */
async function newOfficer(server: TestServer, adminToken: string, unitCode: string, roles: string[]): Promise<string> {
  const username = `mx-${randomUUID().slice(0, 8)}`;
  const initial = `Tam-Thoi-${randomUUID().slice(0, 8)}`;
  await request(server.url).post('/api/admin/users').set('Authorization', `Bearer ${adminToken}`).send({ username, fullName: 'Cán bộ phường', unitCode, roles, password: initial }).expect(201);
  const token = await signIn(server, username, initial);
  // The change ends the temporary session's token and answers the one to go on with.
  const changed = await request(server.url).post('/api/auth/password').set('Authorization', `Bearer ${token}`).send({ currentPassword: initial, newPassword: `Moi-${randomUUID()}` }).expect(200);
  return changed.body.accessToken;
}

async function buildFixture(server: TestServer, receptionToken: string, adminToken: string, applicant: object): Promise<Fixture> {
  const as = (token: string) => ({
    post: (path: string, body: object) => request(server.url).post(path).set('Authorization', `Bearer ${token}`).send(body),
    get: (path: string) => request(server.url).get(path).set('Authorization', `Bearer ${token}`),
  });
  const receive = async () =>
    (await as(receptionToken).post('/api/dossiers', { procedureCode: '1.001612', applicant, channel: 'direct', documents: ['giay-de-nghi', 'giay-to-phap-ly'] }).expect(201)).body.code as string;
  const [taskDossier, actionDossier, instanceDossier] = [await receive(), await receive(), await receive()];
  const openTask = async (code: string) =>
    (await db(server).query(`SELECT t.id, t.instance_id FROM tasks t JOIN process_instances i ON i.id = t.instance_id WHERE i.business_key = $1 AND t.status = 'open'`, [code]))[0];
  const task = await openTask(taskDossier);
  const instance = await openTask(instanceDossier);
  const definitions = await as(adminToken).get('/api/definitions').expect(200);
  let counter = 0;
  const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${randomUUID().slice(0, 4)}`;
  const username = `mx-${randomUUID().slice(0, 8)}`;
  await as(adminToken).post('/api/admin/users', { username, fullName: 'Cán bộ thử quyền', unitCode: CITY, roles: ['specialist'] }).expect(201);
  const fixture: Fixture = { city: CITY, taskDossier, taskId: task.id, actionDossier, instanceId: instance.instance_id, instanceDossier, definitionKey: (definitions.body.items ?? definitions.body)[0].key, username, unitCode: '', unique };
  const unit = ACCESS_MATRIX['POST /api/admin/units'].request(fixture);
  await as(adminToken).post(unit.path, unit.body as object).expect(201);
  fixture.unitCode = (unit.body as { code: string }).code;
  return fixture;
}
