import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { FileSweeper, LocalFileStorage } from '../../libs/files/src';
import { FILE_STORAGE } from '../../libs/files/src/storage/file-storage';
import { PRE_REGISTRATION_CODE } from '../../libs/online/src';
import { startVnpaySimulator, type VnpaySimulator } from '../../tools/vnpay-simulator/vnpay-simulator';
import { startTestServer, type TestServer } from '../support/test-app';

const VNPAY_SECRET = 'online-e2e-vnpay-hash-secret-0123';
import { binary, login, samples, sha256 } from './files.support';
import { citizenToken } from './citizen.support';
import { applicant, freshPhone, HKD, hkdAnswers, stage, stageBoth, submit } from './online.support';

jest.setTimeout(180_000);

/**
 * Feature: online submission (issue 18 item 3). A signed-in citizen fills the e-form, uploads a file
 * per required document, submits and gets a pre-registration code by SMS; the desk accepts (the
 * dossier is received with channel online, its files, Form 01 by SMS link), asks for a supplement
 * (the citizen resubmits) or refuses. Bad input is refused with stable codes and leaves nothing.
 */
describe('online submission (e2e)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-online-'));
  let server: TestServer;
  let db: DataSource;
  let reception: string;
  let tanloi: string;
  let leader: string;
  let simulator: VnpaySimulator;

  beforeAll(async () => {
    process.env.VNPAY_HASH_SECRET = VNPAY_SECRET;
    process.env.VNPAY_TMN_CODE = 'MCONLINE';
    process.env.FILES_DIR = dir;
    process.env.FILES_DRIVER = 'local';
    process.env.THROTTLE_PREFIX = `test-online-${randomUUID().slice(0, 8)}`;
    server = await startTestServer();
    db = server.app.get(DataSource);
    simulator = await startVnpaySimulator({
      secret: VNPAY_SECRET,
      tmnCode: 'MCONLINE',
      ipnUrl: `${server.url}/api/payments/vnpay/ipn`,
    });
    process.env.VNPAY_PAY_URL = simulator.payUrl;
    process.env.PUBLIC_URL = server.url;
    [reception, tanloi, leader] = await Promise.all([
      login(server, 'reception'),
      login(server, 'reception.tanloi'),
      login(server, 'leader'),
    ]);
  });
  afterAll(async () => {
    await simulator?.close();
    await server?.close();
    delete process.env.FILES_DIR;
    rmSync(dir, { recursive: true, force: true });
  });

  const desk = (token = reception) => ({
    get: (path: string) =>
      request(server.url).get(`/api/online-desk/submissions${path}`).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object = {}) =>
      request(server.url)
        .post(`/api/online-desk/submissions${path}`)
        .set('Authorization', `Bearer ${token}`)
        .send(body),
  });
  const citizen = (token: string) => ({
    get: (path: string) =>
      request(server.url).get(`/api/online/submissions${path}`).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object) =>
      request(server.url).post(`/api/online/submissions${path}`).set('Authorization', `Bearer ${token}`).send(body),
  });
  const outbox = (code: string) =>
    db.query(`SELECT kind, phone, detail, text FROM sms_outbox WHERE code = $1 ORDER BY id`, [code]) as Promise<
      { kind: string; phone: string; detail: string | null }[]
    >;
  const rowsOf = async (phone: string) =>
    (await db.query(`SELECT count(*)::int AS n FROM online_submissions WHERE phone = $1`, [phone]))[0].n as number;
  const unbound = async (ids: string[]) =>
    (
      await db.query(
        `SELECT count(*)::int AS n FROM staged_files WHERE id = ANY($1::uuid[]) AND submission_id IS NULL`,
        [ids],
      )
    )[0].n as number;
  const onlineReceived = async () => {
    const day = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const table = (
      await request(server.url)
        .get(`/api/reports/summary?from=${day}&to=${day}&groupBy=procedure`)
        .set('Authorization', `Bearer ${leader}`)
        .expect(200)
    ).body;
    const row = table.lines.find((r: { key: string }) => r.key === HKD);
    return (row?.receivedOnline ?? 0) as number;
  };

  it('takes a submission end to end: code and SMS, the desk accepts, the dossier is online with its files and Form 01 by link', async () => {
    // given a signed-in citizen who staged the two required files
    const phone = freshPhone();
    const token = await citizenToken(server.url, db, phone);
    const files = await stageBoth(server, token);
    const before = await onlineReceived();

    // when they submit
    const sent = await submit(server, token, { applicant: applicant(), answers: hkdAnswers(), files }).expect(201);

    // then a pre-registration code, an SMS, and the submission waiting in the city's queue
    expect(sent.body.code).toMatch(PRE_REGISTRATION_CODE);
    expect(sent.body).toMatchObject({ status: 'waiting', procedureCode: HKD, rounds: 1, dossierCode: null });
    expect(sent.body.answers).toMatchObject({ vonKinhDoanh: 50_000_000, soLaoDong: 3, camKet: true });
    expect(await outbox(sent.body.code)).toEqual([expect.objectContaining({ kind: 'online_submitted', phone })]);
    const queue = (await desk().get('?limit=200').expect(200)).body;
    expect(queue.items.map((s: { id: string }) => s.id)).toContain(sent.body.id);
    await desk(tanloi)
      .get(`/${sent.body.id}`)
      .expect(404, /SUBMISSION_NOT_FOUND/);

    // when the officer opens it and reads a file
    const opened = (await desk().get(`/${sent.body.id}`).expect(200)).body;
    expect(opened.files.map((f: { documentKey: string }) => f.documentKey).sort()).toEqual([
      'giay-de-nghi',
      'giay-to-phap-ly',
    ]);
    const pdf = opened.files.find((f: { documentKey: string }) => f.documentKey === 'giay-de-nghi');
    const bytes = await desk().get(`/${sent.body.id}/files/${pdf.id}`).buffer(true).parse(binary).expect(200);
    expect(sha256(bytes.body as Buffer)).toBe(pdf.sha256);

    // and accepts it
    const accepted = (await desk().post(`/${sent.body.id}/accept`).expect(200)).body;

    // then the dossier is received online, with the two files, appointment from now
    const code = accepted.dossier.code as string;
    expect(accepted.submission).toMatchObject({ status: 'accepted', dossierCode: code });
    const dossier = (
      await request(server.url).get(`/api/dossiers/${code}`).set('Authorization', `Bearer ${reception}`).expect(200)
    ).body;
    expect(dossier).toMatchObject({ channel: 'online', applicant: { phone, idNumber: '066190001234' } });
    expect(Date.now() - new Date(dossier.receivedAt).getTime()).toBeLessThan(60_000);
    const dossierFiles = (
      await request(server.url)
        .get(`/api/dossiers/${code}/files`)
        .set('Authorization', `Bearer ${reception}`)
        .expect(200)
    ).body.items;
    expect(dossierFiles.map((f: { sha256: string }) => f.sha256).sort()).toEqual(
      opened.files.map((f: { sha256: string }) => f.sha256).sort(),
    );

    // and the citizen's SMS carries the link to Form 01, which opens with the key and only with it
    const [sms] = await outbox(code);
    expect(sms).toMatchObject({ kind: 'online_received', phone });
    const link = new URL(sms.detail!);
    expect(link.pathname).toBe(`/api/public/dossiers/${code}/receipt.pdf`);
    const receipt = await request(server.url)
      .get(`${link.pathname}${link.search}`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(receipt.headers['content-type']).toBe('application/pdf');
    expect((receipt.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    await request(server.url)
      .get(`${link.pathname}?key=AAAAAA`)
      .expect(403, /LOOKUP_KEY_INVALID/);

    // and the citizen's list shows the dossier code; II.06a counts it as online
    const mine = (await citizen(token).get('').expect(200)).body.items;
    expect(mine).toEqual([expect.objectContaining({ id: sent.body.id, status: 'accepted', dossierCode: code })]);
    expect(await onlineReceived()).toBe(before + 1);
  });

  it('refuses a bad e-form with a stable code and keeps nothing: missing, unknown and oversized fields', async () => {
    // given
    const phone = freshPhone();
    const token = await citizenToken(server.url, db, phone);
    const files = await stageBoth(server, token);
    const { camKet: _, ...withoutPledge } = hkdAnswers();

    // when / then
    const missing = await submit(server, token, {
      applicant: applicant(),
      answers: { ...withoutPledge, tenHoKinhDoanh: '  ' },
      files,
    }).expect(400);
    expect(missing.body.code).toBe('EFORM_FIELD_REQUIRED');
    expect(missing.body.details).toEqual(
      expect.arrayContaining([
        { key: 'tenHoKinhDoanh', problem: 'required' },
        { key: 'camKet', problem: 'required' },
      ]),
    );
    const extra = await submit(server, token, {
      applicant: applicant(),
      answers: { ...hkdAnswers(), soTaiKhoan: '1' },
      files,
    }).expect(400);
    expect(extra.body).toMatchObject({
      code: 'EFORM_FIELD_UNKNOWN',
      details: [{ key: 'soTaiKhoan', problem: 'unknown' }],
    });
    const long = await submit(server, token, {
      applicant: applicant(),
      answers: { ...hkdAnswers('x'.repeat(201)) },
      files,
    }).expect(400);
    expect(long.body).toMatchObject({
      code: 'EFORM_FIELD_TOO_LONG',
      details: [{ key: 'tenHoKinhDoanh', problem: 'too_long' }],
    });
    const huge = await submit(server, token, {
      applicant: applicant(),
      answers: { ...hkdAnswers(), nganhNghe: 'y'.repeat(100_000) },
      files,
    }).expect(400);
    expect(huge.body.code).toBe('EFORM_FIELD_TOO_LONG');
    const wrongType = await submit(server, token, {
      applicant: applicant(),
      answers: { ...hkdAnswers(), vonKinhDoanh: 'năm chục triệu' },
      files,
    }).expect(400);
    expect(wrongType.body.code).toBe('EFORM_FIELD_INVALID');
    const badApplicant = await submit(server, token, {
      applicant: applicant('12'),
      answers: hkdAnswers(),
      files,
    }).expect(400);
    expect(badApplicant.body.code).toBe('APPLICANT_INVALID');
    const oneFile = await submit(server, token, {
      applicant: applicant(),
      answers: hkdAnswers(),
      files: files.slice(0, 1),
    }).expect(400);
    expect(oneFile.body).toMatchObject({ code: 'DOCUMENT_MISSING', details: { code: 'giay-to-phap-ly' } });

    // then nothing was created and the files are still the citizen's to send
    expect(await rowsOf(phone)).toBe(0);
    expect(await unbound(files)).toBe(2);
  });

  it("refuses files that are not the citizen's, uploads of the wrong kind, and procedures not taken online", async () => {
    // given two citizens
    const [a, b] = await Promise.all([
      citizenToken(server.url, db, freshPhone()),
      citizenToken(server.url, db, freshPhone()),
    ]);
    const theirs = await stageBoth(server, b);
    const mine = await stageBoth(server, a);

    // when a submits b's file
    const stolen = await submit(server, a, {
      applicant: applicant(),
      answers: hkdAnswers(),
      files: [mine[0], theirs[1]],
    }).expect(400);
    expect(stolen.body.code).toBe('STAGED_FILE_INVALID');
    expect(await unbound([...mine, ...theirs])).toBe(4);

    // then uploads are checked as the case file's: content, size, document
    expect((await stage(server, a, 'giay-de-nghi', samples.exe(), 'to-khai.pdf').expect(400)).body.code).toBe(
      'FILE_TYPE_NOT_ALLOWED',
    );
    expect((await stage(server, a, 'giay-de-nghi', samples.html(), 'a.pdf')).body.code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect((await stage(server, a, 'khong-co').expect(400)).body.code).toBe('FILE_DOCUMENT_KEY_INVALID');
    expect((await stage(server, a, 'ban-sao', samples.pdf(), 'a.pdf', '2.000815').expect(400)).body.code).toBe(
      'CHANNEL_NOT_ALLOWED',
    );
    const big = await stage(server, a, 'giay-de-nghi', samples.pdf(30 * 1024 * 1024), 'lon.pdf');
    expect([413]).toContain(big.status);
    expect(big.body.code).toBe('FILE_TOO_LARGE');
    await request(server.url)
      .post(`/api/online/procedures/${HKD}/files`)
      .attach('file', samples.pdf(), 'a.pdf')
      .expect(401);
  });

  it('answers a retried submission with its first answer and creates nothing; another body under the key is 409', async () => {
    // given
    const phone = freshPhone();
    const token = await citizenToken(server.url, db, phone);
    const files = await stageBoth(server, token);
    const key = randomUUID();
    const body = { applicant: applicant(), answers: hkdAnswers(), files };

    // when the same request is sent twice, then twice at once
    const first = await submit(server, token, body, key).expect(201);
    const again = await submit(server, token, body, key).expect(201);
    const [x, y] = await Promise.all([submit(server, token, body, key), submit(server, token, body, key)]);

    // then one submission, one SMS, the same answer
    expect(again.headers['idempotency-replayed']).toBe('true');
    for (const answer of [again, x, y]) expect(answer.body).toMatchObject({ id: first.body.id, code: first.body.code });
    expect(await rowsOf(phone)).toBe(1);
    expect(await outbox(first.body.code)).toHaveLength(1);
    const other = await submit(server, token, { ...body, answers: hkdAnswers('Hộ khác') }, key).expect(409);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('goes round a supplement request: the citizen sees the reason, uploads, resubmits; the desk accepts', async () => {
    // given a waiting submission
    const phone = freshPhone();
    const token = await citizenToken(server.url, db, phone);
    const sent = (
      await submit(server, token, {
        applicant: applicant(),
        answers: hkdAnswers(),
        files: await stageBoth(server, token),
      }).expect(201)
    ).body;

    // when the desk asks for a supplement
    await desk()
      .post(`/${sent.id}/supplement-request`, { reason: '   ' })
      .expect(400, /REASON_REQUIRED/);
    const asked = (
      await desk().post(`/${sent.id}/supplement-request`, { reason: 'Bản sao CCCD bị mờ, đề nghị tải lại' }).expect(200)
    ).body;

    // then the citizen sees it, and by SMS
    expect(asked).toMatchObject({ status: 'supplement_required', reason: 'Bản sao CCCD bị mờ, đề nghị tải lại' });
    expect((await citizen(token).get(`/${sent.id}`).expect(200)).body).toMatchObject({
      status: 'supplement_required',
      reason: asked.reason,
    });
    expect((await outbox(sent.code)).map((m) => m.kind)).toEqual(['online_submitted', 'online_supplement']);
    await desk()
      .post(`/${sent.id}/accept`)
      .expect(409, /SUBMISSION_ALREADY_DECIDED/);

    // when the citizen uploads the clear copy and resubmits
    const clear = (await stage(server, token, 'giay-to-phap-ly', samples.png(), 'cccd-ro.png').expect(201)).body
      .items[0].id;
    const back = (
      await citizen(token)
        .post(`/${sent.id}/resubmit`, { files: [clear] })
        .expect(200)
    ).body;

    // then it is back in the queue, second round, with three files; the desk accepts it
    expect(back).toMatchObject({ status: 'waiting', rounds: 2, reason: null });
    expect(back.files).toHaveLength(3);
    await citizen(token)
      .post(`/${sent.id}/resubmit`, { files: [] })
      .expect(409, /SUBMISSION_ALREADY_DECIDED/);
    const queue = (await desk().get('?limit=200').expect(200)).body.items;
    expect(queue.map((s: { id: string }) => s.id)).toContain(sent.id);
    const accepted = (await desk().post(`/${sent.id}/accept`).expect(200)).body;
    const files = (
      await request(server.url)
        .get(`/api/dossiers/${accepted.dossier.code}/files`)
        .set('Authorization', `Bearer ${reception}`)
        .expect(200)
    ).body.items;
    expect(files).toHaveLength(3);
  });

  it('refuses with a reason the citizen reads, by SMS too; a refused submission takes no other decision', async () => {
    // given
    const token = await citizenToken(server.url, db, freshPhone());
    const sent = (
      await submit(server, token, {
        applicant: applicant(),
        answers: hkdAnswers(),
        files: await stageBoth(server, token),
      }).expect(201)
    ).body;

    // when
    const refused = (
      await desk().post(`/${sent.id}/refuse`, { reason: 'Địa điểm kinh doanh không thuộc địa bàn' }).expect(200)
    ).body;

    // then
    expect(refused).toMatchObject({ status: 'refused', reason: 'Địa điểm kinh doanh không thuộc địa bàn' });
    const sms = await outbox(sent.code);
    expect(sms[1]).toMatchObject({ kind: 'online_refused', detail: 'Địa điểm kinh doanh không thuộc địa bàn' });
    await desk()
      .post(`/${sent.id}/accept`)
      .expect(409, /SUBMISSION_ALREADY_DECIDED/);
    await desk().post(`/${sent.id}/refuse`, { reason: 'lần hai' }).expect(409);
    expect((await citizen(token).get('').expect(200)).body.items[0]).toMatchObject({
      status: 'refused',
      dossierCode: null,
    });
    // another citizen cannot read it
    const other = await citizenToken(server.url, db, freshPhone());
    await citizen(other)
      .get(`/${sent.id}`)
      .expect(404, /SUBMISSION_NOT_FOUND/);
  });

  it('lets one of two officers accepting at once win; the other gets 409 and no second dossier exists', async () => {
    // given a waiting submission and two officers of the desk
    const token = await citizenToken(server.url, db, freshPhone());
    const idNumber = `0661${String(Date.now()).slice(-8)}`;
    const sent = (
      await submit(server, token, {
        applicant: applicant(idNumber),
        answers: hkdAnswers(),
        files: await stageBoth(server, token),
      }).expect(201)
    ).body;
    const second = await login(server, 'reception');

    // when both accept at the same time
    const answers = await Promise.all([
      desk(reception).post(`/${sent.id}/accept`),
      desk(second).post(`/${sent.id}/accept`),
    ]);

    // then
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)!.body.code).toBe('SUBMISSION_ALREADY_DECIDED');
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM dossiers WHERE applicant->>'idNumber' = $1`, [
      idNumber,
    ]);
    expect(n).toBe(1);
  });

  it('takes the fee of a waiting submission in the simulator; on acceptance the dossier counts it paid', async () => {
    // given a waiting submission of household business registration (fee 100.000 đồng)
    const token = await citizenToken(server.url, db, freshPhone());
    const sent = (
      await submit(server, token, {
        applicant: applicant(),
        answers: hkdAnswers(),
        files: await stageBoth(server, token),
      }).expect(201)
    ).body;
    const other = await citizenToken(server.url, db, freshPhone());
    await citizen(other)
      .post(`/${sent.id}/payments`, {})
      .expect(404, /SUBMISSION_NOT_FOUND/);

    // when the citizen pays in the simulator (a bank, "Thanh toán"; the simulator calls the IPN)
    const payUrl = new URL((await citizen(token).post(`/${sent.id}/payments`, {}).expect(200)).body.payUrl);
    const page = await request(simulator.origin).get(`${payUrl.pathname}${payUrl.search}`).expect(200);
    const form = /name="token" value="([0-9a-f]+)"/.exec(page.text)![1];
    await request(simulator.origin)
      .post('/paymentv2/pay')
      .type('form')
      .send({ token: form, bank: 'VCB', action: 'pay' })
      .expect(302);

    // then it is paid for the pre-registration code, and cannot be paid twice
    const [paid] = await db.query(
      `SELECT status, amount::int AS amount, dossier_code FROM payments WHERE reference = $1`,
      [sent.code],
    );
    expect(paid).toEqual({ status: 'paid', amount: 100_000, dossier_code: null });
    await citizen(token)
      .post(`/${sent.id}/payments`, {})
      .expect(409, /PAYMENT_ALREADY_PAID/);

    // when the desk accepts
    const accepted = (await desk().post(`/${sent.id}/accept`).expect(200)).body;

    // then the payment belongs to the dossier, which shows it paid
    const dossier = (
      await request(server.url)
        .get(`/api/dossiers/${accepted.dossier.code}`)
        .set('Authorization', `Bearer ${reception}`)
        .expect(200)
    ).body;
    expect(dossier.payment).toMatchObject({ status: 'paid', amount: 100_000 });
  });

  it('sweeps staged files no submission bound within a day, blob and row; a later submission of them is refused', async () => {
    // given a citizen's two staged files, one of them two days old
    const token = await citizenToken(server.url, db, freshPhone());
    const [old, fresh] = await stageBoth(server, token);
    await db.query(`UPDATE staged_files SET uploaded_at = now() - interval '2 days' WHERE id = $1`, [old]);
    const [{ key }] = await db.query(`SELECT storage_key AS key FROM staged_files WHERE id = $1`, [old]);
    const storage = server.app.get<LocalFileStorage>(FILE_STORAGE);
    expect(await storage.keys()).toContain(key);

    // when the sweep runs
    await server.app.get(FileSweeper).sweepNow();

    // then the old one is gone, blob and row; the fresh one stays; submitting the old one is refused
    expect(await storage.keys()).not.toContain(key);
    expect(await unbound([old, fresh])).toBe(1);
    const late = await submit(server, token, {
      applicant: applicant(),
      answers: hkdAnswers(),
      files: [old, fresh],
    }).expect(400);
    expect(late.body.code).toBe('STAGED_FILE_INVALID');
  });

  it('leaves no blob without its row and no upload in flight after all of the above', async () => {
    // given every file this suite's server stored (its own FILES_DIR)
    const storage = server.app.get<LocalFileStorage>(FILE_STORAGE);
    const keys = await storage.keys();
    // then each blob belongs to a staged file or a dossier file, and nothing is left in flight
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM unnest($1::text[]) k
        WHERE NOT EXISTS (SELECT 1 FROM staged_files s WHERE s.storage_key = k)
          AND NOT EXISTS (SELECT 1 FROM dossier_files f WHERE f.storage_key = k)`,
      [keys],
    );
    expect(keys.length).toBeGreaterThan(10);
    expect(n).toBe(0);
    const [{ inFlight }] = await db.query(
      `SELECT count(*)::int AS "inFlight" FROM file_uploads WHERE dossier_code LIKE 'staged:%'`,
    );
    expect(inFlight).toBe(0);
  });
});
