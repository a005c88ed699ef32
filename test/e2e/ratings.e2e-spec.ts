import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestServer, type TestServer } from '../support/test-app';
import { CITY, DEMO_PASSWORD, openTask, signIn, type Api } from './workflow.helpers';

jest.setTimeout(180_000);

const TANLOI = '000.20.20.H15';
const SECRET = 'test-sms-secret';
/** The nine per-dossier criteria of QĐ 766/QĐ-TTg, as the migration seeds them (docs/domain.md). */
const DEFAULT_CRITERIA = [
  'thoi-gian',
  'thoi-gian-don-vi',
  'so-lan-lien-he',
  'so-co-quan',
  'mot-cua',
  'cong-khai',
  'thai-do',
  'tiep-thu',
  'truc-tuyen',
];
const THAI_DO =
  'Thái độ của cán bộ, công chức, viên chức (mức độ nhiệt tình, thái độ nhũng nhiễu, gây phiền hà, cách giao tiếp của cán bộ, công chức khi hướng dẫn, xử lý hồ sơ)';
const allFive = (score: number) => Object.fromEntries(DEFAULT_CRITERIA.map((c) => [c, score]));

/** Issue 18 item 6 (ADR 0030): satisfaction ratings on the web, at the kiosk and by SMS, and the leaders' report. */
describe('satisfaction ratings (HTTP)', () => {
  let server: TestServer;
  let db: DataSource;
  const users: Record<string, Api> = {};
  let suffix = 0;
  let adminToken = '';
  /** PATCH as the administrator (the shared helpers have GET and POST only). */
  const patch = (path: string, body: object) =>
    request(server.url).patch(path).set('Authorization', `Bearer ${adminToken}`).send(body);

  beforeAll(async () => {
    process.env.THROTTLE_PREFIX = `test-${randomUUID().slice(0, 8)}`;
    process.env.LOOKUP_RATE_LIMIT = '1000';
    server = await startTestServer();
    db = server.app.get(DataSource);
    adminToken = (
      await request(server.url).post('/api/auth/login').send({ username: 'admin', password: DEMO_PASSWORD }).expect(200)
    ).body.accessToken;
    for (const name of ['admin', 'leader', 'leader.tanloi', 'reception.tanloi', 'specialist.tanloi'])
      users[name] = await signIn(server, name);
    // The default set may have been changed by an earlier run on this database: put it back.
    await db.query(
      `DELETE FROM rating_criteria WHERE code NOT IN (${DEFAULT_CRITERIA.map((_, i) => `$${i + 1}`).join(', ')})`,
      DEFAULT_CRITERIA,
    );
    await db.query(`UPDATE rating_criteria SET active = true`);
  });
  afterAll(async () => {
    await server?.close();
  });

  /** A birth registration at Tân Lợi, from a phone unique to the call; returned to the citizen unless `returned` is false. */
  async function dossier(returned = true): Promise<{ code: string; key: string; phone: string }> {
    const phone =
      `09${String(Date.now() % 100_000_000).padStart(8, '0')}`.slice(0, 8) + String(suffix++ % 100).padStart(2, '0');
    const received = await users['reception.tanloi']
      .post('/api/dossiers', {
        procedureCode: '1.001193',
        applicant: { fullName: 'Lê Thị Hoa', idNumber: '066190009999', phone, address: 'Thôn 1' },
        channel: 'direct',
        documents: ['to-khai', 'giay-chung-sinh'],
      })
      .expect(201);
    const code: string = received.body.code;
    if (returned) {
      const { instanceId } = (await users['reception.tanloi'].get(`/api/dossiers/${code}`).expect(200)).body;
      for (const [elementId, username] of [
        ['Task_TiepNhan', 'reception.tanloi'],
        ['Task_GhiSo', 'specialist.tanloi'],
        ['Task_KyGiayKhaiSinh', 'leader.tanloi'],
      ]) {
        const task = await openTask(users.admin, instanceId, elementId);
        await users[username].post(`/api/tasks/${task.id}/claim`).expect(200);
        await users[username].post(`/api/tasks/${task.id}/complete`, { variables: {} }).expect(200);
      }
      await users['reception.tanloi'].post(`/api/dossiers/${code}/return`, {}).expect(200);
    }
    return { code, key: received.body.lookupKey, phone };
  }

  const rate = (code: string, body: object) =>
    request(server.url)
      .post(`/api/public/dossiers/${encodeURIComponent(code)}/rating`)
      .send(body);
  const sms = async (from: string, text: string): Promise<string> =>
    (await request(server.url).post('/api/sms/inbound').set('x-sms-secret', SECRET).send({ from, text }).expect(200))
      .body.reply;
  const stored = async (code: string) =>
    (
      await db.query(
        `SELECT channel, overall::float AS overall, comment FROM dossier_ratings WHERE dossier_code = $1`,
        [code],
      )
    )[0];

  it('web: every criterion scored with the key; the overall is their mean; a second rating is 409 RATING_EXISTS', async () => {
    const { code, key } = await dossier();
    const criteria = await request(server.url).get('/api/public/rating-criteria').expect(200);
    expect(criteria.body.items.map((c: { code: string }) => c.code)).toEqual(DEFAULT_CRITERIA);
    expect(criteria.body.items[0].label).toBe(
      'Thời gian giải quyết thủ tục hành chính so với thời gian cho phép theo quy định của pháp luật',
    );

    const scores = Object.fromEntries(DEFAULT_CRITERIA.map((c, i) => [c, [5, 4, 5, 4, 5, 5, 4, 5, 4][i]]));
    const done = await rate(code, { key: key.toLowerCase(), scores, comment: '  Cán bộ nhiệt tình  ' }).expect(201);
    expect(done.body).toMatchObject({ code, overall: 4.56, satisfied: true });
    expect(await stored(code)).toEqual({ channel: 'web', overall: 4.56, comment: 'Cán bộ nhiệt tình' });
    const kept = await db.query(
      `SELECT criterion_code, criterion_label, score FROM dossier_rating_scores WHERE dossier_code = $1 ORDER BY criterion_code`,
      [code],
    );
    expect(kept).toHaveLength(9);

    const again = await rate(code, { key, overall: 1 }).expect(409);
    expect(again.body.code).toBe('RATING_EXISTS');
    expect(await stored(code)).toMatchObject({ overall: 4.56 });
  });

  it('a wrong key answers exactly as an unknown dossier (404 DOSSIER_NOT_FOUND), and nothing is recorded', async () => {
    const { code } = await dossier(false);
    const wrong = await rate(code, { key: 'ZZZZZZ', overall: 5 }).expect(404);
    const unknown = await rate('000.20.20.H15-991231-9999', { key: 'ZZZZZZ', overall: 5 }).expect(404);
    const lookup = await request(server.url).get('/api/public/dossiers/000.20.20.H15-991231-9999').expect(404);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.code).toBe('DOSSIER_NOT_FOUND');
    expect(lookup.body.code).toBe('DOSSIER_NOT_FOUND');
    expect(await stored(code)).toBeUndefined();
  });

  it('a dossier whose result is not returned yet: 409 RATING_NOT_RETURNED on the web, a plain reply by SMS', async () => {
    const { code, key, phone } = await dossier(false);
    expect((await rate(code, { key, overall: 5 }).expect(409)).body.code).toBe('RATING_NOT_RETURNED');
    expect(await sms(phone, `DG ${code} 5`)).toBe(`Ho so ${code} chua tra ket qua nen chua the danh gia.`);
    expect(await stored(code)).toBeUndefined();
  });

  it('bad scores: 400 RATING_SCORES_INVALID for a missing, unknown or out-of-range criterion, or scores with an overall', async () => {
    const { code, key } = await dossier();
    const { 'cong-khai': _, ...four } = allFive(4);
    for (const body of [
      { key, scores: four },
      { key, scores: { ...allFive(4), 'khong-co': 3 } },
      { key, scores: { ...allFive(4), 'thai-do': 6 } },
      { key, scores: { ...allFive(4), 'thai-do': 2.5 } },
      { key, scores: allFive(4), overall: 4 },
      { key },
    ]) {
      const answer = await rate(code, body).expect(400);
      expect(answer.body.code).toBe('RATING_SCORES_INVALID');
    }
    expect((await rate(code, { key, overall: 9 }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect(await stored(code)).toBeUndefined();
  });

  it('kiosk: one big-button overall score with the key from the receipt', async () => {
    const { code, key } = await dossier();
    const done = await rate(code, { key, channel: 'kiosk', overall: 3 }).expect(201);
    expect(done.body).toMatchObject({ overall: 3, satisfied: false });
    expect(await stored(code)).toEqual({ channel: 'kiosk', overall: 3, comment: null });
  });

  it.each([
    'DG <code> 5',
    'dg <lower-case code> 5',
    'DG<code> 5',
    'Đg   <code>   5',
    'đánh giá: <code>, 5 điểm',
    'DG <code with spaced dashes> - 5',
  ])("SMS: %s from the applicant's phone (+84 form too) rates the dossier once", async (spell) => {
    const { code, phone } = await dossier();
    const international = `+84${phone.slice(1)}`;
    const text = spell
      .replace('<lower-case code>', code.toLowerCase())
      .replace('<code with spaced dashes>', code.replaceAll('-', ' - '))
      .replace('<code>', code);
    expect(await sms(international, text)).toBe(`Cam on ong/ba da danh gia ho so ${code}: 5/5 (Rat hai long).`);
    expect(await stored(code)).toEqual({ channel: 'sms', overall: 5, comment: null });
    expect(await sms(phone, `DG ${code} 1`)).toBe(`Ho so ${code} da duoc danh gia truoc do. Cam on ong/ba.`);
    expect(await stored(code)).toMatchObject({ overall: 5 });
  });

  it("SMS: another number is told it is not the applicant's; a malformed DG gets the rating help; HS still looks up", async () => {
    const { code } = await dossier();
    expect(await sms('0999999999', `DG ${code} 4`)).toMatch(/^So dien thoai nay khong phai so cua nguoi nop ho so /);
    expect(await stored(code)).toBeUndefined();
    expect(await sms('0999999999', `DG ${code}`)).toMatch(/^Danh gia ho so: soan DG <ma ho so> <diem 1-5>/);
    expect(await sms('0999999999', `DG ${code} 7`)).toMatch(/^Danh gia ho so: soan DG/);
    expect(await sms('0999999999', 'DG 000.20.20.H15-991231-9999 5')).toBe(
      'Khong tim thay ho so 000.20.20.H15-991231-9999. Kiem tra lai ma tren giay hen.',
    );
    expect(await sms('0999999999', `HS ${code}`)).toBe(`Ho so ${code}: Da tra ket qua.`);
  });

  it('criteria: administrators add, rename and retire; new ratings follow, past ratings keep what they were given on', async () => {
    const { code: before, key: beforeKey } = await dossier();
    const { code: after, key: afterKey } = await dossier();
    await rate(before, { key: beforeKey, scores: allFive(4) }).expect(201);

    const added = await users.admin
      .post('/api/admin/rating-criteria', { code: 'huong-dan', label: 'Mức độ hướng dẫn của cán bộ' })
      .expect(201);
    expect(added.body.items.map((c: { code: string }) => c.code)).toEqual([...DEFAULT_CRITERIA, 'huong-dan']);
    expect(
      (await users.admin.post('/api/admin/rating-criteria', { code: 'huong-dan', label: 'Lần nữa' }).expect(409)).body
        .code,
    ).toBe('RATING_CRITERION_EXISTS');
    await patch('/api/admin/rating-criteria/thai-do', { label: 'Thái độ phục vụ' }).expect(200);
    await patch('/api/admin/rating-criteria/cong-khai', { active: false }).expect(200);
    expect((await patch('/api/admin/rating-criteria/khong-co', { active: false }).expect(404)).body.code).toBe(
      'RATING_CRITERION_NOT_FOUND',
    );
    await users.leader.get('/api/admin/rating-criteria').expect(403);

    const asked = (await request(server.url).get('/api/public/rating-criteria').expect(200)).body.items;
    expect(asked.map((c: { code: string }) => c.code)).toEqual([
      ...DEFAULT_CRITERIA.filter((c) => c !== 'cong-khai'),
      'huong-dan',
    ]);
    // the old five no longer fit; the new five do
    expect((await rate(after, { key: afterKey, scores: allFive(5) }).expect(400)).body.code).toBe(
      'RATING_SCORES_INVALID',
    );
    const { 'cong-khai': _, ...four } = allFive(5);
    await rate(after, { key: afterKey, scores: { ...four, 'huong-dan': 5 } }).expect(201);

    const labels = async (code: string) =>
      (
        await db.query(
          `SELECT criterion_code AS code, criterion_label AS label FROM dossier_rating_scores WHERE dossier_code = $1 ORDER BY criterion_code`,
          [code],
        )
      ).map((r: { code: string; label: string }) => `${r.code}: ${r.label}`);
    expect(await labels(before)).toContain(`thai-do: ${THAI_DO}`);
    expect(await labels(before)).toContain('cong-khai: Mức độ công khai các thủ tục hành chính');
    expect(await labels(after)).toContain('thai-do: Thái độ phục vụ');
    expect(await labels(after)).not.toContain('cong-khai: Mức độ công khai các thủ tục hành chính');

    // retiring every criterion is refused at the last one
    for (const c of DEFAULT_CRITERIA.filter((c) => c !== 'cong-khai'))
      await patch(`/api/admin/rating-criteria/${c}`, { active: false }).expect(200);
    expect((await patch('/api/admin/rating-criteria/huong-dan', { active: false }).expect(409)).body.code).toBe(
      'RATING_CRITERIA_EMPTY',
    );
    // back to the default set for the tests after
    await db.query(`DELETE FROM rating_criteria WHERE code = 'huong-dan'`);
    await db.query(`UPDATE rating_criteria SET active = true`);
    await patch('/api/admin/rating-criteria/thai-do', {
      label: THAI_DO,
    }).expect(200);
  });

  describe("the leaders' report against a seeded set (golden)", () => {
    // Ratings given in March 2020 (a period no other test rates in), on made-up codes: the report reads only the ratings.
    const seed: [string, string, string, string, number, Record<string, number> | null][] = [
      // code, unit, procedure, rated at (Vietnam time), overall, scores
      ['GOLD-1', CITY, '1.001612', '2020-03-01T08:00:00+07:00', 5, null],
      [
        'GOLD-2',
        CITY,
        '1.001612',
        '2020-03-10T08:00:00+07:00',
        3.4,
        { 'thoi-gian': 4, 'thoi-gian-don-vi': 3, 'thai-do': 3, 'mot-cua': 3, 'cong-khai': 4 },
      ],
      [
        'GOLD-3',
        CITY,
        '1.009974',
        '2020-03-31T23:59:00+07:00',
        4.2,
        { 'thoi-gian': 5, 'thoi-gian-don-vi': 4, 'thai-do': 4, 'mot-cua': 4, 'cong-khai': 4 },
      ],
      ['GOLD-4', TANLOI, '1.001193', '2020-03-15T09:00:00+07:00', 2, null],
      [
        'GOLD-5',
        TANLOI,
        '1.001193',
        '2020-03-16T09:00:00+07:00',
        4,
        { 'thoi-gian': 4, 'thoi-gian-don-vi': 4, 'thai-do': 4, 'mot-cua': 4, 'cong-khai': 4 },
      ],
      // outside the period: 1 April 00:00 Vietnam time, and the last minute of February
      ['GOLD-6', CITY, '1.001612', '2020-04-01T00:00:00+07:00', 1, null],
      ['GOLD-7', TANLOI, '1.001193', '2020-02-29T23:59:00+07:00', 1, null],
    ];
    beforeAll(async () => {
      await db.query(`DELETE FROM dossier_ratings WHERE dossier_code LIKE 'GOLD-%'`);
      for (const [code, unit, procedure, at, overall, scores] of seed) {
        await db.query(
          `INSERT INTO dossier_ratings (dossier_code, unit_code, procedure_code, channel, overall, rated_at) VALUES ($1, $2, $3, 'web', $4, $5)`,
          [code, unit, procedure, overall, at],
        );
        for (const [criterion, score] of Object.entries(scores ?? {}))
          await db.query(
            `INSERT INTO dossier_rating_scores (dossier_code, criterion_code, criterion_label, score) VALUES ($1, $2, $2, $3)`,
            [code, criterion, score],
          );
      }
    });

    const PERIOD = 'from=2020-03-01&to=2020-03-31';
    /** The criteria no seeded rating scored: in the report, with no count and no mean. */
    const UNSCORED = {
      'so-lan-lien-he': [0, null],
      'so-co-quan': [0, null],
      'tiep-thu': [0, null],
      'truc-tuyen': [0, null],
    };
    const cells = (row: { criteria: { code: string; count: number; average: number | null }[] }) =>
      Object.fromEntries(row.criteria.map((c) => [c.code, [c.count, c.average]]));

    it('by unit, for the city leader (the whole subtree)', async () => {
      const report = (await users.leader.get(`/api/reports/ratings?${PERIOD}`).expect(200)).body;
      expect(report.criteria.map((c: { code: string }) => c.code)).toEqual(DEFAULT_CRITERIA);
      expect(
        report.rows.map(
          (r: { key: string; count: number; averageOverall: number; satisfied: number; satisfiedRate: number }) => [
            r.key,
            r.count,
            r.averageOverall,
            r.satisfied,
            r.satisfiedRate,
          ],
        ),
      ).toEqual([
        [CITY, 3, 4.2, 2, 66.7],
        [TANLOI, 2, 3, 1, 50],
      ]);
      expect(report.rows[1].name).toBe('UBND phường Tân Lợi');
      expect(cells(report.rows[0])).toEqual({
        'thoi-gian': [2, 4.5],
        'thoi-gian-don-vi': [2, 3.5],
        'thai-do': [2, 3.5],
        'mot-cua': [2, 3.5],
        'cong-khai': [2, 4],
        ...UNSCORED,
      });
      expect(report.total).toMatchObject({
        key: null,
        name: 'Tổng cộng',
        count: 5,
        averageOverall: 3.72,
        satisfied: 3,
        satisfiedRate: 60,
      });
      expect(cells(report.total)).toEqual({
        'thoi-gian': [3, 4.33],
        'thoi-gian-don-vi': [3, 3.67],
        'thai-do': [3, 3.67],
        'mot-cua': [3, 3.67],
        'cong-khai': [3, 4],
        ...UNSCORED,
      });
    });

    it('by procedure; the commune leader sees only the commune and is refused the city', async () => {
      const report = (await users.leader.get(`/api/reports/ratings?${PERIOD}&groupBy=procedure`).expect(200)).body;
      expect(
        report.rows.map((r: { key: string; count: number; averageOverall: number }) => [
          r.key,
          r.count,
          r.averageOverall,
        ]),
      ).toEqual([
        ['1.001193', 2, 3],
        ['1.001612', 2, 4.2],
        ['1.009974', 1, 4.2],
      ]);
      const commune = (await users['leader.tanloi'].get(`/api/reports/ratings?${PERIOD}`).expect(200)).body;
      expect(commune.rows.map((r: { key: string }) => r.key)).toEqual([TANLOI]);
      expect(commune.total).toMatchObject({ count: 2, averageOverall: 3, satisfied: 1, satisfiedRate: 50 });
      const refused = await users['leader.tanloi'].get(`/api/reports/ratings?${PERIOD}&unit=${CITY}`).expect(403);
      expect(refused.body.code).toBe('REPORT_SCOPE');
      expect((await users.leader.get('/api/reports/ratings?from=2020-03-31&to=2020-03-01').expect(400)).body.code).toBe(
        'PERIOD_INVALID',
      );
    });

    it('the XLSX export opens and holds the same numbers', async () => {
      const file = await users.leader
        .get(`/api/reports/ratings?${PERIOD}&format=xlsx`)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(file.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(file.headers['content-disposition']).toBe(
        `attachment; filename="danh-gia-hai-long-${CITY}-2020-03-01-2020-03-31.xlsx"`,
      );
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(file.body);
      const sheet = book.getWorksheet('Đánh giá hài lòng')!;
      const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
      expect(String(values(1)[0])).toMatch(/^KẾT QUẢ ĐÁNH GIÁ MỨC ĐỘ HÀI LÒNG/);
      expect(values(2).slice(0, 7)).toEqual([
        'STT',
        'Đơn vị',
        'Số lượt đánh giá',
        'Điểm trung bình',
        'Số lượt hài lòng',
        'Tỷ lệ hài lòng (%)',
        'Thời gian giải quyết thủ tục hành chính so với thời gian cho phép theo quy định của pháp luật (điểm TB)',
      ]);
      // criteria in the list's order; a criterion nobody scored is an empty cell
      expect(values(3)).toEqual([
        1,
        expect.stringContaining(CITY),
        3,
        4.2,
        2,
        66.7,
        4.5,
        3.5,
        undefined,
        undefined,
        3.5,
        4,
        3.5,
      ]);
      expect(values(5)).toEqual([
        undefined,
        'Tổng cộng',
        5,
        3.72,
        3,
        60,
        4.33,
        3.67,
        undefined,
        undefined,
        3.67,
        4,
        3.67,
      ]);
    });
  });
});
