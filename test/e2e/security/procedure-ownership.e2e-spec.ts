import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startTestServer, type TestServer } from '../../support/test-app';
import { UsersService } from '../../../libs/identity/src';
import { CITY, db, DEMO_PASSWORD, processFile, withKey } from '../workflow.helpers';

const PROVINCE = '000.00.00.H15';
const TANLOI = '000.20.20.H15';
const THANHCONG = '000.21.20.H15';
const TUPHAP = '000.00.01.H15';
/** A signed-in client with the verbs this suite needs. */
interface Api {
  auth: string;
  get(path: string): request.Test;
  post(path: string, body?: object): request.Test;
  put(path: string, body?: object): request.Test;
  deployXml(xml: string): request.Test;
}

const applicant = () => ({
  fullName: `Lý Thị Bị Lộ ${randomUUID().slice(0, 4)}`,
  idNumber: `0661${String(Date.now()).slice(-8)}`,
  phone: '0978123456',
  address: '12 Lê Duẩn, Buôn Ma Thuột',
});

/** The business-household diagram with its first step drawn on another unit. */
const firstStepOn = (unit: string, key = 'dang-ky-ho-kinh-doanh') =>
  withKey(processFile('dang-ky-ho-kinh-doanh.bpmn'), 'dang-ky-ho-kinh-doanh', key).replace(
    /(id="Task_TiepNhan"[^>]*?)mc:unit="receiving"/,
    `$1mc:unit="${unit}"`,
  );

/**
 * Issue 15 item 2: a commune administrator took over the city's procedure (deployed its key with
 * the first step in the commune) and read city applicants' data. Process keys and procedures now
 * have an owning unit; diagrams may route steps only to administered or partner units.
 */
describe('ownership of procedures and process keys', () => {
  let server: TestServer;
  let cityAdmin: Api;
  let cityReception: Api;
  let communeAdmin: Api;
  let communeReception: Api;
  let siblingAdmin: Api;
  let provinceAdmin: Api;

  const signIn = async (username: string, password = DEMO_PASSWORD): Promise<Api> => {
    const token = (await request(server.url).post('/api/auth/login').send({ username, password }).expect(200)).body
      .accessToken;
    const auth = `Bearer ${token}`;
    return {
      auth,
      get: (path) => request(server.url).get(path).set('Authorization', auth),
      post: (path, body) =>
        request(server.url)
          .post(path)
          .set('Authorization', auth)
          .send(body ?? {}),
      put: (path, body) =>
        request(server.url)
          .put(path)
          .set('Authorization', auth)
          .send(body ?? {}),
      deployXml: (xml) =>
        request(server.url)
          .post('/api/definitions')
          .set('Authorization', auth)
          .set('Content-Type', 'text/xml')
          .send(xml),
    };
  };
  /** An administrator of `unitCode`, made directly (the city's administrator cannot create one above the city). */
  const adminOf = async (unitCode: string): Promise<Api> => {
    const username = `own-${randomUUID().slice(0, 8)}`;
    const password = `Mk-${randomUUID()}`;
    await server.app
      .get(UsersService)
      .create({ username, fullName: 'Quản trị thử quyền', unitCode, roles: ['admin'], password });
    return signIn(username, password);
  };

  beforeAll(async () => {
    server = await startTestServer();
    [cityAdmin, cityReception, communeReception] = await Promise.all([
      signIn('admin'),
      signIn('reception'),
      signIn('reception.tanloi'),
    ]);
    [communeAdmin, siblingAdmin, provinceAdmin] = await Promise.all([
      adminOf(TANLOI),
      adminOf(THANHCONG),
      adminOf(PROVINCE),
    ]);
  });
  afterAll(() => server.close());

  const receive = async (): Promise<{ code: string; instanceId: string }> => {
    const { code } = (
      await cityReception
        .post('/api/dossiers', {
          procedureCode: '1.001612',
          applicant: applicant(),
          channel: 'direct',
          documents: ['giay-de-nghi', 'giay-to-phap-ly'],
        })
        .expect(201)
    ).body;
    const [{ id }] = await db(server).query(`SELECT id FROM process_instances WHERE business_key = $1`, [code]);
    return { code, instanceId: id };
  };

  it('refuses the commune administrator the city key, and the city applicant stays out of the commune (the attack of the issue)', async () => {
    // given: the city owns dang-ky-ho-kinh-doanh (procedure 1.001612, processVersion null)
    const versionsBefore = (await cityAdmin.get('/api/definitions?key=dang-ky-ho-kinh-doanh').expect(200)).body.total;
    // when: the commune's administrator deploys the key again with the first step in the commune
    const deployed = await communeAdmin.deployXml(firstStepOn(TANLOI));
    // then
    expect(deployed.status).toBe(403);
    expect(deployed.body.code).toBe('ADMIN_SCOPE');
    expect((await cityAdmin.get('/api/definitions?key=dang-ky-ho-kinh-doanh').expect(200)).body.total).toBe(
      versionsBefore,
    );
    // and the city desk's next dossier is not readable by the commune's reception
    const dossier = await receive();
    const [task] = await db(server).query(`SELECT unit_code FROM tasks WHERE instance_id = $1 AND status = 'open'`, [
      dossier.instanceId,
    ]);
    expect(task.unit_code).toBe(CITY);
    expect((await communeReception.get(`/api/dossiers/${dossier.code}`)).status).toBe(404);
  });

  it('refuses the commune administrator the city procedure: unpublish, form upload, edit (403 ADMIN_SCOPE)', async () => {
    expect((await communeAdmin.post('/api/admin/procedures/1.001612/unpublish')).body.code).toBe('ADMIN_SCOPE');
    const upload = await request(server.url)
      .post('/api/admin/procedures/1.001612/forms')
      .set('Authorization', communeAdmin.auth)
      .attach('file', Buffer.from('%PDF-1.4 gia mao'), 'mau-gia.pdf');
    expect(upload.body.code).toBe('ADMIN_SCOPE');
    const before = (await cityAdmin.get('/api/admin/procedures/1.001612').expect(200)).body;
    const { code: _code, ownerUnitCode: _owner, ...body } = before;
    expect((await communeAdmin.put('/api/admin/procedures/1.001612', { ...body, name: 'Chiếm quyền' })).body.code).toBe(
      'ADMIN_SCOPE',
    );
    expect(
      (
        await communeAdmin.post('/api/admin/procedures/import', [
          { ...before, ownerUnitCode: undefined, name: 'Chiếm quyền' },
        ])
      ).body.code,
    ).toBe('ADMIN_SCOPE');
    // the city desk still receives it
    expect((await cityAdmin.get('/api/admin/procedures/1.001612').expect(200)).body).toMatchObject({
      published: true,
      name: before.name,
      ownerUnitCode: CITY,
    });
    await receive();
  });

  it("scopes the workflow console to the key owner's subtree: another unit gets 404 on the city's instances", async () => {
    const dossier = await receive();
    for (const api of [communeAdmin, siblingAdmin]) {
      expect((await api.get(`/api/instances/${dossier.instanceId}`)).status).toBe(404);
      expect((await api.post(`/api/instances/${dossier.instanceId}/cancel`, { reason: 'Phá' })).status).toBe(404);
      const keys = (await api.get('/api/definitions?limit=200').expect(200)).body.items.map(
        (d: { key: string }) => d.key,
      );
      expect(keys).not.toContain('dang-ky-ho-kinh-doanh');
      expect((await api.get('/api/definitions/dang-ky-ho-kinh-doanh/xml')).status).toBe(404);
      expect(
        (
          await api.post('/api/admin/migrations/plan', {
            definitionKey: 'dang-ky-ho-kinh-doanh',
            fromVersion: 1,
            toVersion: 1,
          })
        ).status,
      ).toBe(403);
    }
    const [task] = await db(server).query(`SELECT id FROM tasks WHERE instance_id = $1 AND status = 'open'`, [
      dossier.instanceId,
    ]);
    for (const api of [communeAdmin, siblingAdmin]) {
      expect((await api.get(`/api/tasks/${task.id}`)).status).toBe(404);
      expect(
        (await api.post('/api/messages', { messageName: 'result_returned', businessKey: dossier.code })).body.code,
      ).toBe('ADMIN_SCOPE');
      expect((await api.get(`/api/admin/operations/jobs?state=waiting&q=${dossier.code}`).expect(200)).body.total).toBe(
        0,
      );
    }
    expect(
      (await cityAdmin.get(`/api/admin/operations/jobs?state=waiting&q=${dossier.code}`).expect(200)).body.total,
    ).toBeGreaterThan(0);
    await provinceAdmin.get(`/api/tasks/${task.id}`).expect(200);
    // the owner and the province still see and manage it
    await cityAdmin.get(`/api/instances/${dossier.instanceId}`).expect(200);
    await provinceAdmin.get(`/api/instances/${dossier.instanceId}`).expect(200);
    expect(
      (await provinceAdmin.get('/api/definitions?key=dang-ky-ho-kinh-doanh').expect(200)).body.total,
    ).toBeGreaterThan(0);
  });

  it("makes the first deployer's unit the owner of a new key, and lets the parent's administrator deploy it too", async () => {
    const key = `xa-${randomUUID().slice(0, 8)}`;
    const deployed = await communeAdmin.deployXml(firstStepOn(TANLOI, key)).expect(201);
    expect(deployed.body.ownerUnitCode).toBe(TANLOI);
    await cityAdmin.deployXml(firstStepOn('receiving', key)).expect(201);
    expect((await siblingAdmin.deployXml(firstStepOn('receiving', key))).body.code).toBe('ADMIN_SCOPE');
    expect((await cityAdmin.get(`/api/definitions/${key}/ownership`).expect(200)).body).toEqual({
      key,
      ownerUnitCode: TANLOI,
      partnerUnitCodes: [],
    });
    // a unit below the deployer may be named owner; one outside or unknown may not
    const named = `tp-${randomUUID().slice(0, 8)}`;
    expect(
      (
        await request(server.url)
          .post(`/api/definitions?owner=${THANHCONG}`)
          .set('Authorization', cityAdmin.auth)
          .set('Content-Type', 'text/xml')
          .send(firstStepOn('receiving', named))
          .expect(201)
      ).body.ownerUnitCode,
    ).toBe(THANHCONG);
    expect(
      (
        await request(server.url)
          .post(`/api/definitions?owner=${TUPHAP}`)
          .set('Authorization', cityAdmin.auth)
          .set('Content-Type', 'text/xml')
          .send(firstStepOn('receiving', `${named}-x`))
      ).body.code,
    ).toBe('ADMIN_SCOPE');
    expect(
      (
        await request(server.url)
          .post('/api/definitions?owner=999.99.99.H15')
          .set('Authorization', provinceAdmin.auth)
          .set('Content-Type', 'text/xml')
          .send(firstStepOn('receiving', `${named}-y`))
      ).body.code,
    ).toBe('UNIT_NOT_FOUND');
  });

  it('refuses steps on units the deployer does not administer (403 UNIT_NOT_ADMINISTERED) unless the owner declared them partners', async () => {
    // given: a commune key whose first step is in the city (above the commune), and a city key with a step in the Justice department (a sibling of the city)
    const communeKey = `xa-${randomUUID().slice(0, 8)}`;
    const refused = await communeAdmin.deployXml(firstStepOn(CITY, communeKey));
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'UNIT_NOT_ADMINISTERED', details: { units: [CITY] } });
    const cityKey = `tp-${randomUUID().slice(0, 8)}`;
    await cityAdmin.deployXml(firstStepOn('receiving', cityKey)).expect(201);
    expect((await cityAdmin.deployXml(firstStepOn(TUPHAP, cityKey))).body).toMatchObject({
      code: 'UNIT_NOT_ADMINISTERED',
      details: { units: [TUPHAP] },
    });
    // when: the city declares the department a partner of its key
    expect((await communeAdmin.put(`/api/definitions/${cityKey}/partners`, { unitCodes: [TUPHAP] })).status).toBe(404);
    expect(
      (await cityAdmin.put(`/api/definitions/${cityKey}/partners`, { unitCodes: [TUPHAP] }).expect(200)).body
        .partnerUnitCodes,
    ).toEqual([TUPHAP]);
    // then
    await cityAdmin.deployXml(firstStepOn(TUPHAP, cityKey)).expect(201);
    expect(
      (await cityAdmin.put(`/api/definitions/${cityKey}/partners`, { unitCodes: ['999.99.99.H15'] })).body.code,
    ).toBe('UNIT_NOT_FOUND');
  });

  it("scopes the audit trail to the administrator's subtree; the province sees all", async () => {
    // given: a login in the city and one in the commune
    await signIn('admin');
    await signIn('reception.tanloi');
    const actors = async (api: Api) =>
      new Set(
        (
          (await api.get('/api/admin/audit?action=auth.login&limit=500').expect(200)).body.items as { actor: string }[]
        ).map((e) => e.actor),
      );
    // then
    const commune = await actors(communeAdmin);
    expect(commune.has('reception.tanloi')).toBe(true);
    expect(commune.has('admin')).toBe(false);
    expect(commune.has('reception')).toBe(false);
    const city = await actors(cityAdmin);
    expect(city.has('admin') && city.has('reception.tanloi')).toBe(true);
    expect((await actors(siblingAdmin)).has('reception.tanloi')).toBe(false);
    const province = await actors(provinceAdmin);
    expect(province.has('admin') && province.has('reception.tanloi')).toBe(true);
  });
});
