import request from 'supertest';
import { startTestServer, type TestServer } from '../support/test-app';
import { login, uniqueName } from './admin.helpers';
import { DEMO_PASSWORD } from './workflow.helpers';

jest.setTimeout(120_000);

/** The five demo procedures: other suites sharing the database add their own, so lists are compared on these. */
const DEMO = ['1.001193', '2.000815', '1.001612', '1.009974', '1.004227'];
const HOUSEHOLD = '1.001612';
const CITY = '000.00.20.H15';

interface Listed {
  code: string;
  name: string;
  field: string;
  level: string;
}

/**
 * Issue 18 item 1: the public catalog (/thu-tuc) is searched without accents, by words in any order,
 * and filtered by field and level on the server; a procedure's page says where to hand it in (the
 * unit's name, address and office hours, nothing about its staff).
 */
describe('public procedure catalog (e2e)', () => {
  let server: TestServer;
  let adminAuth: string;

  beforeAll(async () => {
    server = await startTestServer({ runWorkers: false });
    adminAuth = `Bearer ${(await login(server, 'admin', DEMO_PASSWORD).expect(200)).body.accessToken}`;
  });
  afterAll(() => server?.close());

  const list = async (query: string) =>
    (await request(server.url).get(`/api/procedures?limit=200&${query}`).expect(200)).body as {
      items: Listed[];
      total: number;
      fields: { name: string; count: number }[];
    };
  const demoCodes = async (query: string) =>
    (await list(query)).items.map((p) => p.code).filter((code) => DEMO.includes(code));
  const q = (text: string) => `q=${encodeURIComponent(text)}`;

  it('finds "hộ kinh doanh" by "ho kinh doanh", in any order, in any case, with extra spaces, and by its field', async () => {
    for (const text of [
      'ho kinh doanh',
      'hộ kinh doanh',
      'HO KINH DOANH',
      '  kinh   doanh  ho ',
      'dang ky ho kinh doanh',
      'hoat dong cua ho kinh doanh', // the field: "Thành lập và hoạt động của hộ kinh doanh"
      '1.001612',
    ]) {
      expect({ text, codes: await demoCodes(q(text)) }).toEqual({ text, codes: [HOUSEHOLD] });
    }
    expect(await demoCodes(q('dang ky khai sinh'))).toEqual(['1.001193']);
    // every word must be there: a misspelt one finds nothing
    expect(await demoCodes(q('ho kinh doanx'))).toEqual([]);
    expect(await demoCodes(q('khai sinh ho kinh doanh'))).toEqual([]);
  });

  it('filters by field and by level, lists every field of the published catalog with its count, and refuses an unknown level', async () => {
    const civil = await list(`field=${encodeURIComponent('Hộ tịch')}`);
    expect(civil.items.length).toBeGreaterThan(0);
    expect(civil.items.every((p) => p.field === 'Hộ tịch')).toBe(true);
    expect(civil.items.map((p) => p.code)).toContain('1.001193');
    expect(civil.fields).toEqual(
      expect.arrayContaining([
        { name: 'Hộ tịch', count: civil.total },
        { name: 'Thành lập và hoạt động của hộ kinh doanh', count: expect.any(Number) },
      ]),
    );

    const commune = await list('level=commune');
    expect(commune.items.every((p) => p.level === 'commune')).toBe(true);
    expect(commune.items.map((p) => p.code)).toEqual(expect.arrayContaining(['1.001193', '2.000815']));
    expect(await demoCodes(`level=district&${q('ho kinh doanh')}`)).toEqual([HOUSEHOLD]);
    expect(await demoCodes(`level=commune&${q('ho kinh doanh')}`)).toEqual([]);
    expect(await demoCodes(`field=${encodeURIComponent('Hộ tịch')}&${q('ho kinh doanh')}`)).toEqual([]);

    const bad = await request(server.url).get('/api/procedures?level=tinh').expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it('does not offer an unpublished procedure, even when its name matches', async () => {
    // given an unpublished procedure named like the household one
    const code = uniqueName('TT').toUpperCase();
    await request(server.url)
      .post('/api/admin/procedures')
      .set('Authorization', adminAuth)
      .send({
        code,
        name: `Thủ tục thử hộ kinh doanh ${code}`,
        // A field of this run only: other suites sharing the database publish procedures of their own fields.
        field: `Lĩnh vực thử ${code}`,
        level: 'district',
        legalTime: { days: 2 },
        fee: 0,
        feeRules: null,
        requiredDocuments: [{ code: 'don', name: 'Đơn đề nghị', kind: 'original', required: true }],
        processKey: 'dang-ky-ho-kinh-doanh',
        channels: ['direct'],
      })
      .expect(201);
    // then the public search does not list it nor its field, and its page is 404
    const found = await list(q(`ho kinh doanh ${code}`));
    expect(found.items).toEqual([]);
    expect(found.fields.map((f) => f.name)).not.toContain(`Lĩnh vực thử ${code}`);
    expect((await request(server.url).get(`/api/procedures/${code}`).expect(404)).body.code).toBe(
      'PROCEDURE_NOT_FOUND',
    );
  });

  it("shows the procedure's fee, legal time, documents, templates and where to go: the unit's name, address and office hours", async () => {
    // given the city's address recorded by an administrator
    const address = `01 Lê Thị Hồng Gấm, phường Tân Lợi, TP. Buôn Ma Thuột (${uniqueName('e2e')})`;
    const saved = await request(server.url)
      .patch(`/api/admin/units/${CITY}`)
      .set('Authorization', adminAuth)
      .send({ address: `  ${address} ` })
      .expect(200);
    expect(saved.body.address).toBe(address);
    // when anyone opens the procedure
    const page = (await request(server.url).get(`/api/procedures/${HOUSEHOLD}`).expect(200)).body;
    // then
    expect(page).toMatchObject({
      code: HOUSEHOLD,
      legalTime: { days: 3 },
      fee: 100000,
      channels: expect.arrayContaining(['online']),
      formTemplates: [expect.objectContaining({ file: 'giay-de-nghi-dang-ky-ho-kinh-doanh.html' })],
      receivingUnit: {
        code: CITY,
        name: 'UBND thành phố Buôn Ma Thuột',
        address,
        officeHours: [
          { start: '07:00', end: '11:30' },
          { start: '13:30', end: '17:00' },
        ],
      },
    });
    expect(page.requiredDocuments.length).toBeGreaterThan(0);
    // nothing about the unit's staff or its row
    expect(Object.keys(page.receivingUnit).sort()).toEqual(['address', 'code', 'name', 'officeHours']);
    // and the template downloads
    const form = await request(server.url)
      .get(`/api/procedures/${HOUSEHOLD}/forms/giay-de-nghi-dang-ky-ho-kinh-doanh.html`)
      .expect(200);
    expect(form.headers['content-disposition']).toContain('attachment');

    // an empty address clears it; a missing unit leaves the page without one
    await request(server.url)
      .patch(`/api/admin/units/${CITY}`)
      .set('Authorization', adminAuth)
      .send({ address: '' })
      .expect(200);
    expect((await request(server.url).get(`/api/procedures/${HOUSEHOLD}`).expect(200)).body.receivingUnit.address).toBe(
      null,
    );
    const tooLong = await request(server.url)
      .patch(`/api/admin/units/${CITY}`)
      .set('Authorization', adminAuth)
      .send({ address: 'x'.repeat(501) })
      .expect(400);
    expect(tooLong.body.code).toBe('VALIDATION_FAILED');
  });
});
