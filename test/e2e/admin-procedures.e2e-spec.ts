import request from 'supertest';
import { startTestServer, type TestServer } from '../support/test-app';
import { login, uniqueName } from './admin.helpers';
import { db, DEMO_PASSWORD, fixture, withKey } from './workflow.helpers';

jest.setTimeout(120_000);

/** A client of the API as one user; `auth` for multipart requests. */
interface Client {
  auth: string;
  get(path: string): request.Test;
  post(path: string, body?: object): request.Test;
  put(path: string, body: object): request.Test;
  deployXml(xml: string): request.Test;
}

async function clientOf(server: TestServer, username: string): Promise<Client> {
  const auth = `Bearer ${(await login(server, username, DEMO_PASSWORD).expect(200)).body.accessToken}`;
  return {
    auth,
    get: (path) => request(server.url).get(path).set('Authorization', auth),
    post: (path, body) =>
      request(server.url)
        .post(path)
        .set('Authorization', auth)
        .send(body ?? {}),
    put: (path, body) => request(server.url).put(path).set('Authorization', auth).send(body),
    deployXml: (xml) =>
      request(server.url).post('/api/definitions').set('Authorization', auth).set('Content-Type', 'text/xml').send(xml),
  };
}

const applicant = { fullName: 'Trần Văn Bình', idNumber: '066190004321', phone: '0905111222' };

/** Feature: administrators manage the procedures catalog from the admin API (issue 10 item 3). */
describe('admin procedures catalog (e2e)', () => {
  let server: TestServer;
  let admin: Client;
  let reception: Client;
  let processKey: string;

  const newCode = () => uniqueName('TT').toUpperCase();
  const body = (code: string, change: Record<string, unknown> = {}) => ({
    code,
    name: `Thủ tục thử ${code}`,
    field: 'Thử nghiệm',
    level: 'district',
    legalTime: { days: 2 },
    fee: 15000,
    feeRules: null,
    requiredDocuments: [{ code: 'don', name: 'Đơn đề nghị', kind: 'original', required: true }],
    processKey,
    channels: ['direct', 'online'],
    ...change,
  });
  /** What a refused request must leave as it was: the procedures with codes like this run's, and their audit. */
  const snapshot = async () =>
    (
      await db(server).query(`SELECT
      (SELECT md5(coalesce(string_agg(to_jsonb(p)::text, ',' ORDER BY code), '')) FROM procedures p WHERE code LIKE 'TT-%') AS procedures,
      (SELECT count(*)::int FROM audit_log WHERE action LIKE 'admin.procedure.%') AS audit`)
    )[0];

  beforeAll(async () => {
    server = await startTestServer({ runWorkers: false });
    admin = await clientOf(server, 'admin');
    reception = await clientOf(server, 'reception');
    processKey = uniqueName('proc-admin');
    await admin.deployXml(withKey(fixture('workflow-single-task.bpmn'), 'single-task', processKey)).expect(201);
  });
  afterAll(() => server?.close());

  it('a procedure created, linked to a deployed diagram and published is received at the desk at once', async () => {
    // given a new procedure, unpublished as created
    const code = newCode();
    const created = await admin.post('/api/admin/procedures', body(code)).expect(201);
    expect(created.body).toMatchObject({
      code,
      published: false,
      processKey,
      processVersion: null,
      legalTime: { days: 2 },
    });
    // then the public catalog does not offer it and the desk refuses it
    await request(server.url).get(`/api/procedures/${code}`).expect(404);
    const refused = await reception
      .post('/api/dossiers', { procedureCode: code, applicant, channel: 'direct', documents: ['don'] })
      .expect(404);
    expect(refused.body.code).toBe('PROCEDURE_NOT_FOUND');

    // when the administrator publishes it
    await admin.post(`/api/admin/procedures/${code}/publish`).expect(200);
    // then it is offered and received at once, starting the linked process
    const offered = await request(server.url).get(`/api/procedures?q=${code}`).expect(200);
    expect(offered.body.items.map((p: { code: string }) => p.code)).toEqual([code]);
    const received = await reception
      .post('/api/dossiers', { procedureCode: code, applicant, channel: 'direct', documents: ['don'] })
      .expect(201);
    const [dossier] = await db(server).query(
      `SELECT d.procedure_code, i.definition_key FROM dossiers d JOIN process_instances i ON i.id = d.instance_id WHERE d.code = $1`,
      [received.body.code],
    );
    expect(dossier).toEqual({ procedure_code: code, definition_key: processKey });

    // and every change is in the audit trail
    const audit = await admin.get(`/api/admin/audit?subject=procedure:${code}`).expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action).sort()).toEqual([
      'admin.procedure.created',
      'admin.procedure.published',
    ]);

    // when it is unpublished, the desk refuses it again and the public list drops it
    await admin.post(`/api/admin/procedures/${code}/unpublish`).expect(200);
    expect(
      (
        await reception
          .post('/api/dossiers', { procedureCode: code, applicant, channel: 'direct', documents: ['don'] })
          .expect(404)
      ).body.code,
    ).toBe('PROCEDURE_NOT_FOUND');
    expect((await request(server.url).get(`/api/procedures?q=${code}`).expect(200)).body.total).toBe(0);
    // but the administrators' list still shows it
    const listed = await admin.get(`/api/admin/procedures?q=${code}`).expect(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ code, published: false })]);
  });

  it('an edit takes effect at the desk: a newly required document is asked for', async () => {
    // given a published procedure
    const code = newCode();
    await admin.post('/api/admin/procedures', body(code, { published: true })).expect(201);
    // when its documents change
    const documents = [
      ...body(code).requiredDocuments,
      { code: 'cccd', name: 'Căn cước công dân', kind: 'copy', required: true },
    ];
    const saved = await admin
      .put(`/api/admin/procedures/${code}`, {
        ...body(code, { requiredDocuments: documents, name: 'Tên mới' }),
        code: undefined,
      })
      .expect(200);
    expect(saved.body).toMatchObject({ name: 'Tên mới', published: true, requiredDocuments: documents });
    // then the desk asks for the new one
    const missing = await reception
      .post('/api/dossiers', { procedureCode: code, applicant, channel: 'direct', documents: ['don'] })
      .expect(400);
    expect(missing.body).toMatchObject({ code: 'DOCUMENT_MISSING', details: { documentCode: 'cccd' } });
    const audit = await admin
      .get(`/api/admin/audit?subject=procedure:${code}&action=admin.procedure.updated`)
      .expect(200);
    expect(audit.body.items[0].data.changed).toEqual(['name', 'requiredDocuments']);
  });

  it('pins a deployed version, which the desk starts, and refuses one that does not exist', async () => {
    // given the key deployed a second time
    const key = uniqueName('proc-pin');
    const xml = withKey(fixture('workflow-single-task.bpmn'), 'single-task', key);
    await admin.deployXml(xml).expect(201);
    await admin.deployXml(xml.replace('Thẩm định', 'Thẩm định lại')).expect(201);
    // when a published procedure pins version 1 and the desk receives a dossier of it
    const code = newCode();
    const pinned = await admin
      .post('/api/admin/procedures', body(code, { processKey: key, processVersion: 1, published: true }))
      .expect(201);
    expect(pinned.body.processVersion).toBe(1);
    const received = await reception
      .post('/api/dossiers', { procedureCode: code, applicant, channel: 'direct', documents: ['don'] })
      .expect(201);
    // then its process runs version 1, not the latest
    const [instance] = await db(server).query(
      `SELECT i.version FROM dossiers d JOIN process_instances i ON i.id = d.instance_id WHERE d.code = $1`,
      [received.body.code],
    );
    expect(instance.version).toBe(1);
    // when another procedure asks for version 3
    const before = await snapshot();
    const refused = await admin
      .post('/api/admin/procedures', body(newCode(), { processKey: key, processVersion: 3 }))
      .expect(400);
    // then version 3 is refused with nothing changed
    expect(refused.body.code).toBe('PROCESS_VERSION_UNKNOWN');
    expect(await snapshot()).toEqual(before);
  });

  describe('bad input: 4xx with a stable code, nothing changed', () => {
    let taken: string;
    beforeAll(async () => {
      taken = newCode();
      await admin.post('/api/admin/procedures', body(taken)).expect(201);
    });

    const cases: [string, number, string, () => Record<string, unknown>][] = [
      ['a duplicate code', 409, 'PROCEDURE_CODE_TAKEN', () => body(taken, { name: 'Khác' })],
      [
        'an unknown process key',
        400,
        'PROCESS_KEY_UNKNOWN',
        () => body(newCode(), { processKey: 'khong-co-quy-trinh-nay' }),
      ],
      ['a legal time of zero days', 400, 'LEGAL_TIME_INVALID', () => body(newCode(), { legalTime: { days: 0 } })],
      [
        'a legal time in two units',
        400,
        'LEGAL_TIME_INVALID',
        () => body(newCode(), { legalTime: { days: 2, hours: 4 } }),
      ],
      [
        'a document listed twice',
        400,
        'DOCUMENT_CODE_DUPLICATE',
        () => body(newCode(), { requiredDocuments: [body('x').requiredDocuments[0], body('x').requiredDocuments[0]] }),
      ],
      ['a code with spaces', 400, 'PROCEDURE_CODE_INVALID', () => body('TT- 1')],
      ['a negative fee', 400, 'VALIDATION_FAILED', () => body(newCode(), { fee: -5 })],
      ['an unknown channel', 400, 'VALIDATION_FAILED', () => body(newCode(), { channels: ['fax'] })],
      ['no name', 400, 'VALIDATION_FAILED', () => body(newCode(), { name: '' })],
    ];
    it.each(cases)('creating with %s → %i %s', async (_what, status, code, make) => {
      const before = await snapshot();
      const res = await admin.post('/api/admin/procedures', make()).expect(status);
      expect(res.body.code).toBe(code);
      expect(await snapshot()).toEqual(before);
    });

    it('editing or publishing what does not exist → 404 PROCEDURE_NOT_FOUND; a non-administrator → 403', async () => {
      const before = await snapshot();
      expect(
        (await admin.put('/api/admin/procedures/TT-KHONG-CO', { ...body('x'), code: undefined }).expect(404)).body.code,
      ).toBe('PROCEDURE_NOT_FOUND');
      expect((await admin.post('/api/admin/procedures/TT-KHONG-CO/publish').expect(404)).body.code).toBe(
        'PROCEDURE_NOT_FOUND',
      );
      await reception.post('/api/admin/procedures', body(newCode())).expect(403);
      await reception.get('/api/admin/procedures').expect(403);
      expect(await snapshot()).toEqual(before);
    });
  });

  it('uploads a form template that applicants download through the public route; dropping it removes the file', async () => {
    // given a published procedure
    const code = newCode();
    await admin.post('/api/admin/procedures', body(code, { published: true })).expect(201);
    // when a form is uploaded under a Vietnamese file name
    const content = Buffer.from('Mẫu đơn đề nghị — bản trắng');
    const uploaded = await request(server.url)
      .post(`/api/admin/procedures/${code}/forms`)
      .set('Authorization', admin.auth)
      .field('name', 'Đơn đề nghị (mẫu)')
      .attach('file', content, {
        filename: 'Đơn đề nghị.docx',
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      })
      .expect(201);
    // then it is listed and served as uploaded
    expect(uploaded.body.formTemplates).toEqual([{ name: 'Đơn đề nghị (mẫu)', file: 'don-de-nghi.docx' }]);
    const download = await request(server.url)
      .get(`/api/procedures/${code}/forms/don-de-nghi.docx`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(Buffer.compare(download.body as Buffer, content)).toBe(0);
    expect(download.headers['content-disposition']).toBe('attachment; filename="don-de-nghi.docx"');

    // and an executable is refused with nothing stored
    const exe = await request(server.url)
      .post(`/api/admin/procedures/${code}/forms`)
      .set('Authorization', admin.auth)
      .attach('file', Buffer.from('MZ'), 'setup.exe')
      .expect(400);
    expect(exe.body.code).toBe('FORM_FILE_INVALID');
    // and a template cannot be listed without its upload
    const ghost = await admin
      .put(`/api/admin/procedures/${code}`, {
        ...body(code),
        code: undefined,
        formTemplates: [{ name: 'Ma', file: 'ma.pdf' }],
      })
      .expect(400);
    expect(ghost.body.code).toBe('FORM_FILE_UNKNOWN');

    // when the edit drops the template, then the file is gone
    await admin.put(`/api/admin/procedures/${code}`, { ...body(code), code: undefined, formTemplates: [] }).expect(200);
    await request(server.url).get(`/api/procedures/${code}/forms/don-de-nghi.docx`).expect(404);
    expect(
      (await db(server).query(`SELECT count(*)::int AS n FROM procedure_forms WHERE procedure_code = $1`, [code]))[0].n,
    ).toBe(0);
  });

  it('exports the catalog.json format and imports it back, all or nothing', async () => {
    // given the export
    const exported = (await admin.get('/api/admin/procedures/export').expect(200)).body as Record<string, unknown>[];
    const birth = exported.find((p) => p.code === '1.001193');
    expect(birth).toMatchObject({
      processKey: 'dang-ky-khai-sinh',
      legalTime: { sameDay: true },
      requiredDocuments: expect.any(Array),
    });
    expect(birth).not.toHaveProperty('processVersion');

    // when two new entries are imported, one of them replacing an existing code
    const existing = newCode();
    await admin.post('/api/admin/procedures', body(existing)).expect(201);
    const fresh = newCode();
    const imported = await admin
      .post('/api/admin/procedures/import', [
        { ...body(existing), name: 'Đã nhập lại', published: true },
        { ...body(fresh), published: true },
      ])
      .expect(200);
    // then both are in the catalog as given
    expect(imported.body).toEqual({ created: [fresh], updated: [existing] });
    expect((await request(server.url).get(`/api/procedures/${existing}`).expect(200)).body.name).toBe('Đã nhập lại');

    // when an import holds one bad entry, then nothing of it is written and the entry is named
    const before = await snapshot();
    const bad = await admin
      .post('/api/admin/procedures/import', [body(newCode()), body(newCode(), { legalTime: { weeks: 1 } })])
      .expect(400);
    expect(bad.body).toMatchObject({ code: 'LEGAL_TIME_INVALID', details: { index: 1 } });
    const twice = await admin.post('/api/admin/procedures/import', [body(fresh), body(fresh)]).expect(400);
    expect(twice.body.code).toBe('PROCEDURE_CODE_DUPLICATE');
    expect((await admin.post('/api/admin/procedures/import', { not: 'an array' }).expect(400)).body.code).toBe(
      'CATALOG_INVALID',
    );
    expect(await snapshot()).toEqual(before);
  });
});
