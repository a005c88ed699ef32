import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { vietnamWallClock } from '../../libs/calendar/src';
import { PaymentsService, vnpSignedQuery } from '../../libs/payments/src';
import { startVnpaySimulator, type VnpaySimulator } from '../../tools/vnpay-simulator/vnpay-simulator';
import { startTestServer, type TestServer } from '../support/test-app';
import { signIn, type Api } from './workflow.helpers';

/**
 * Issue 18 item 5 (ADR 0029): a dossier's fee paid through VNPay's signed-redirect protocol, against the local
 * simulator (tools/vnpay-simulator), which signs with its own implementation of VNPay's rule. The notification is
 * signature-checked and idempotent: forged → 400/97, replay → 02, wrong amount → 04, unknown order → 01, and
 * none of them changes a row.
 */
const SECRET = 'e2e-vnpay-hash-secret-0123456789';
const TMN = 'MCE2E001';
const HOUSEHOLD = {
  procedureCode: '1.001612', // fee 100.000 đồng in processes/catalog.json
  applicant: { fullName: 'Lê Thị Thanh Toán', idNumber: '066190004455', phone: '0905111222', address: 'Buôn Ma Thuột' },
  channel: 'direct',
  documents: ['giay-de-nghi', 'giay-to-phap-ly'],
};
const BIRTH = {
  procedureCode: '1.001193', // no fee
  applicant: { fullName: 'Phạm Văn Miễn', idNumber: '066190004466', phone: '0905111333', address: 'Tân Lợi' },
  channel: 'direct',
  documents: ['to-khai', 'giay-chung-sinh'],
};

describe('fee payments through VNPay (HTTP, simulator)', () => {
  let server: TestServer;
  let simulator: VnpaySimulator;
  let db: DataSource;
  let reception: Api;

  beforeAll(async () => {
    process.env.VNPAY_HASH_SECRET = SECRET;
    process.env.VNPAY_TMN_CODE = TMN;
    server = await startTestServer();
    simulator = await startVnpaySimulator({
      secret: SECRET,
      tmnCode: TMN,
      ipnUrl: `${server.url}/api/payments/vnpay/ipn`,
    });
    // Read at each call: the pay page is the simulator's, the return page this server's web app.
    process.env.VNPAY_PAY_URL = simulator.payUrl;
    process.env.PUBLIC_URL = server.url;
    db = server.app.get(DataSource);
    reception = await signIn(server, 'reception');
  });

  afterAll(async () => {
    await simulator?.close();
    await server?.close();
  });

  async function receive(body: object = HOUSEHOLD): Promise<{ code: string; lookupKey: string }> {
    return (await reception.post('/api/dossiers', body).expect(201)).body;
  }

  async function startPayment(d: { code: string; lookupKey: string }): Promise<URL> {
    const res = await request(server.url)
      .post(`/api/public/dossiers/${encodeURIComponent(d.code)}/payments`)
      .query({ key: d.lookupKey })
      .expect(200);
    return new URL(res.body.payUrl);
  }

  /** The citizen on the simulator's page: chooses a bank and pays (or cancels); answers the return redirect. */
  async function payInSimulator(payUrl: URL, action: 'pay' | 'cancel' = 'pay'): Promise<URL> {
    const pagePath = `${payUrl.pathname}${payUrl.search}`;
    const payPage = await request(simulator.origin).get(pagePath).expect(200);
    const token = /name="token" value="([0-9a-f]+)"/.exec(payPage.text)![1];
    const done = await request(simulator.origin)
      .post('/paymentv2/pay')
      .type('form')
      .send({ token, bank: 'VCB', action })
      .expect(302);
    return new URL(done.headers.location);
  }

  const rowOf = async (txnRef: string) =>
    (
      await db.query(
        `SELECT status, amount::int AS amount, transaction_no AS "transactionNo", confirmed_at AS "confirmedAt"
           FROM payments WHERE txn_ref = $1`,
        [txnRef],
      )
    )[0];
  const ipn = (query: string) => request(server.url).get(`/api/payments/vnpay/ipn?${query}`);

  /** A result as VNPay would sign it for `txnRef`, overridable field by field. */
  function result(txnRef: string, amount: number, over: Record<string, string> = {}): Record<string, string> {
    return {
      vnp_Amount: String(amount * 100),
      vnp_BankCode: 'NCB',
      vnp_OrderInfo: 'Thanh toan le phi',
      vnp_PayDate: '20261207103000',
      vnp_ResponseCode: '00',
      vnp_TmnCode: TMN,
      vnp_TransactionNo: '14226112',
      vnp_TransactionStatus: '00',
      vnp_TxnRef: txnRef,
      ...over,
    };
  }

  it('pays a dossier fee end to end: signed pay URL, simulator, IPN 00, return page; the dossier, lookup, list, Form 01 and periodic report say paid', async () => {
    // given a dossier whose procedure charges 100.000 đồng, unpaid
    const d = await receive();
    const before = await reception.get(`/api/dossiers/${d.code}`).expect(200);
    const leader = await signIn(server, 'leader');
    const clock = vietnamWallClock(new Date());
    const periodic = async () =>
      (await leader.get(`/api/reports/periodic?year=${clock.year}&half=${clock.month <= 6 ? 1 : 2}`).expect(200)).body
        .totals;
    const reportBefore = await periodic();
    expect(before.body.payment).toEqual({ status: 'unpaid', amount: 100000, transactionNo: null, paidAt: null });

    // when the citizen starts paying with code and lookup key
    const payUrl = await startPayment(d);

    // then the pay URL is VNPay 2.1.0's, signed
    const q = Object.fromEntries(payUrl.searchParams.entries());
    expect(`${payUrl.origin}${payUrl.pathname}`).toBe(simulator.payUrl);
    expect(q).toMatchObject({
      vnp_Version: '2.1.0',
      vnp_Command: 'pay',
      vnp_TmnCode: TMN,
      vnp_Amount: '10000000',
      vnp_CurrCode: 'VND',
      vnp_OrderInfo: `Thanh toan le phi ho so ${d.code}`,
      vnp_OrderType: 'other',
      vnp_Locale: 'vn',
      vnp_ReturnUrl: `${server.url}/thanh-toan/ket-qua`,
      vnp_IpAddr: '127.0.0.1',
    });
    expect(q.vnp_CreateDate).toMatch(/^\d{14}$/);
    expect(Number(q.vnp_ExpireDate) > Number(q.vnp_CreateDate)).toBe(true);
    expect(q.vnp_SecureHash).toMatch(/^[0-9a-f]{128}$/);
    expect(await rowOf(q.vnp_TxnRef)).toMatchObject({ status: 'pending', amount: 100000 });

    // when they pay in the simulator
    const back = await payInSimulator(payUrl);

    // then VNPay's IPN was confirmed (00) and the browser comes back to the web app's return page
    expect(simulator.ipnCalls.at(-1)).toMatchObject({
      status: 200,
      body: { RspCode: '00', Message: 'Confirm Success' },
    });
    expect(`${back.origin}${back.pathname}`).toBe(`${server.url}/thanh-toan/ket-qua`);
    const shown = await request(server.url).get(`/api/public/payments/return${back.search}`).expect(200);
    expect(shown.body).toMatchObject({
      referenceKind: 'dossier',
      reference: d.code,
      amount: 100000,
      status: 'paid',
      gatewaySucceeded: true,
      responseCode: '00',
      bankCode: 'VCB',
    });
    const transactionNo = back.searchParams.get('vnp_TransactionNo');
    expect(shown.body.transactionNo).toBe(transactionNo);

    // and the dossier, the staff list, the public lookup (with the key only) and Form 01 say paid
    const after = await reception.get(`/api/dossiers/${d.code}`).expect(200);
    expect(after.body.payment).toMatchObject({ status: 'paid', amount: 100000, transactionNo });
    const list = await reception.get(`/api/dossiers?q=${encodeURIComponent(d.code)}`).expect(200);
    expect(list.body.items.find((i: { code: string }) => i.code === d.code).payment).toBe('paid');
    const withKey = await request(server.url).get(`/api/public/dossiers/${d.code}`).query({ key: d.lookupKey });
    expect(withKey.body.payment).toMatchObject({ status: 'paid', amount: 100000, transactionNo });
    const byCode = await request(server.url).get(`/api/public/dossiers/${d.code}`).expect(200);
    expect(byCode.body.payment).toBeUndefined();
    const pdf = await reception.get(`/api/dossiers/${d.code}/receipt.pdf`).buffer(true).parse(binary).expect(200);
    const text = pdfText(pdf.body as Buffer);
    expect(text).toContain('Tình trạng nộp phí, lệ phí');
    expect(text).toContain('Đã thanh toán trực tuyến 100.000 đồng qua VNPAY');
    expect(text.replace(/\s+/g, ' ')).toContain(`mã giao dịch ${transactionNo}`);

    // and the periodic report counts the fee collected online
    const reportAfter = await periodic();
    expect(reportAfter.feesPaidOnline - reportBefore.feesPaidOnline).toBe(1);
    expect(reportAfter.feesCollectedOnline - reportBefore.feesCollectedOnline).toBe(100000);

    // and the fee cannot be paid twice
    const again = await request(server.url)
      .post(`/api/public/dossiers/${d.code}/payments`)
      .query({ key: d.lookupKey })
      .expect(409);
    expect(again.body.code).toBe('PAYMENT_ALREADY_PAID');

    // when VNPay's notification is replayed
    const settled = await rowOf(q.vnp_TxnRef);
    const replay = await ipn(simulator.ipnCalls.at(-1)!.query).expect(200);

    // then it is answered "already confirmed" and nothing changes
    expect(replay.body).toEqual({ RspCode: '02', Message: 'Order already confirmed' });
    expect(await rowOf(q.vnp_TxnRef)).toEqual(settled);
    const audit = await db.query(
      `SELECT action, data->>'outcome' AS outcome FROM audit_log WHERE subject = $1 AND action LIKE 'payment.%' ORDER BY id`,
      [d.code],
    );
    expect(audit).toEqual([
      { action: 'payment.started', outcome: null },
      { action: 'payment.paid', outcome: 'confirmed' },
      { action: 'payment.notification_refused', outcome: 'already_confirmed' },
    ]);
  });

  it('answers a forged notification (bad hash) with HTTP 400 and RspCode 97, and nothing changes', async () => {
    // given a pending attempt
    const d = await receive();
    const txnRef = (await startPayment(d)).searchParams.get('vnp_TxnRef')!;
    const genuine = simulator.signedQuery(result(txnRef, 100000));

    // when a notification arrives whose hash does not hold: a changed field, another secret, no hash at all
    const tampered = genuine.replace('vnp_ResponseCode=00', 'vnp_ResponseCode=00&vnp_BankTranNo=X');
    const answers = [
      await ipn(tampered),
      await ipn(genuine.replace(/vnp_SecureHash=[0-9a-f]+/, `vnp_SecureHash=${'0'.repeat(128)}`)),
      await ipn(vnpSignedQuery('not-the-terminal-secret-000000', result(txnRef, 100000))),
      await ipn(genuine.replace(/&vnp_SecureHash=[0-9a-f]+/, '')),
    ];

    // then each is refused in VNPay's words with a 400, and the attempt is still pending
    for (const answer of answers) {
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ RspCode: '97', Message: 'Invalid signature' });
    }
    expect(await rowOf(txnRef)).toMatchObject({ status: 'pending', transactionNo: null, confirmedAt: null });
    const dossier = await reception.get(`/api/dossiers/${d.code}`).expect(200);
    expect(dossier.body.payment.status).toBe('unpaid');
    const refused = await db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'payment.notification_refused' AND data->>'outcome' = 'invalid_signature' AND data->>'txnRef' = $1`,
      [txnRef],
    );
    expect(refused[0].n).toBe(4);
  });

  it('answers a wrong amount with 04 and an unknown order with 01, changing nothing; then the right one settles', async () => {
    // given a pending attempt of 100.000 đồng
    const d = await receive();
    const txnRef = (await startPayment(d)).searchParams.get('vnp_TxnRef')!;

    // when VNPay (correctly signed) reports another amount, or an order we never sent
    const wrongAmount = await ipn(simulator.signedQuery(result(txnRef, 1000))).expect(200);
    const unknown = await ipn(simulator.signedQuery(result('MCNOSUCHORDER1', 100000))).expect(200);

    // then
    expect(wrongAmount.body).toEqual({ RspCode: '04', Message: 'Invalid amount' });
    expect(unknown.body).toEqual({ RspCode: '01', Message: 'Order not found' });
    expect(await rowOf(txnRef)).toMatchObject({ status: 'pending', confirmedAt: null });

    // and the genuine notification still settles it, once
    expect((await ipn(simulator.signedQuery(result(txnRef, 100000))).expect(200)).body.RspCode).toBe('00');
    expect(await rowOf(txnRef)).toMatchObject({ status: 'paid', transactionNo: '14226112' });
  });

  it('shows failure for a return URL with a forged hash, and a cancelled payment leaves the dossier unpaid', async () => {
    // given a citizen who cancels on the simulator's page
    const d = await receive();
    const payUrl = await startPayment(d);
    const back = await payInSimulator(payUrl, 'cancel');
    const txnRef = payUrl.searchParams.get('vnp_TxnRef')!;

    // then the IPN settled the attempt as failed and the return page says so
    expect(simulator.ipnCalls.at(-1)!.body).toEqual({ RspCode: '00', Message: 'Confirm Success' });
    const shown = await request(server.url).get(`/api/public/payments/return${back.search}`).expect(200);
    expect(shown.body).toMatchObject({ status: 'failed', gatewaySucceeded: false, responseCode: '24' });
    expect((await reception.get(`/api/dossiers/${d.code}`).expect(200)).body.payment.status).toBe('unpaid');

    // when someone forges the return URL to say "paid"
    const forged = back.search.replace('vnp_ResponseCode=24', 'vnp_ResponseCode=00');
    const refused = await request(server.url).get(`/api/public/payments/return${forged}`).expect(400);

    // then the return page is refused and nothing changed
    expect(refused.body.code).toBe('PAYMENT_SIGNATURE_INVALID');
    expect(await rowOf(txnRef)).toMatchObject({ status: 'failed' });

    // and a new attempt can be started
    expect((await startPayment(d)).searchParams.get('vnp_TxnRef')).not.toBe(txnRef);
  });

  it('refuses a start without the right key, for a dossier without fee, and for an unknown dossier', async () => {
    const d = await receive();
    const free = await receive(BIRTH);
    const start = (code: string, key?: string) =>
      request(server.url)
        .post(`/api/public/dossiers/${encodeURIComponent(code)}/payments`)
        .query(key ? { key } : {});
    expect((await start(d.code, 'WRONG1').expect(403)).body.code).toBe('LOOKUP_KEY_INVALID');
    expect((await start(d.code).expect(403)).body.code).toBe('LOOKUP_KEY_INVALID');
    expect((await start(free.code, free.lookupKey).expect(409)).body.code).toBe('PAYMENT_NOT_REQUIRED');
    expect((await start('000.00.20.H15-000000-0000', 'ABCDEF').expect(404)).body.code).toBe('DOSSIER_NOT_FOUND');
    expect((await reception.get(`/api/dossiers/${free.code}`).expect(200)).body.payment.status).toBe('not_required');
    expect((await db.query(`SELECT count(*)::int AS n FROM payments WHERE reference = $1`, [d.code]))[0].n).toBe(0);
  });

  it('links a payment made for a pre-registration code to the dossier it becomes (the online submission port)', async () => {
    // given a payment for an online submission, before it has a dossier
    const payments = server.app.get(PaymentsService);
    const reference = `PRE-${Date.now()}`;
    const url = new URL(
      (await payments.start({ kind: 'pre_registration', reference }, null, 100000, '127.0.0.1', 'citizen:test')).payUrl,
    );
    const txnRef = url.searchParams.get('vnp_TxnRef')!;
    expect((await ipn(simulator.signedQuery(result(txnRef, 100000))).expect(200)).body.RspCode).toBe('00');
    const d = await receive();
    expect((await payments.paymentStatusOf(d.code))?.status).toBe('unpaid');

    // when the desk accepts it as a dossier
    expect(await payments.linkPayment({ kind: 'pre_registration', reference }, d.code)).toBe(1);

    // then the dossier counts as paid
    expect(await payments.paymentStatusOf(d.code)).toMatchObject({ status: 'paid', amount: 100000 });
    expect((await reception.get(`/api/dossiers/${d.code}`).expect(200)).body.payment.status).toBe('paid');
  });
});

function binary(res: request.Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  const stream = res as unknown as NodeJS.ReadableStream;
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'receipt-'));
  writeFileSync(join(dir, 'r.pdf'), pdf);
  return execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
}
