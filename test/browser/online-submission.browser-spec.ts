import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startVnpaySimulator, type VnpaySimulator } from '../../tools/vnpay-simulator/vnpay-simulator';
import { launchChromium, signInOnPage } from '../support/browser';
import { startTestServer, type TestServer } from '../support/test-app';
import { codeFromOutbox, newCitizenPhone } from '../e2e/citizen.support';
import { samples } from '../e2e/files.support';
import { DEMO_PASSWORD, signIn, type Api } from '../e2e/workflow.helpers';

jest.setTimeout(240_000);

const SECRET = 'online-browser-vnpay-secret-01234';
const TMN = 'MCONLBRW';
const PHONE = { width: 390, height: 844 };
const DESK = { width: 1366, height: 768 };
const CITY = '000.00.20.H15';
const HKD = '1.001612';
/** The nine criteria of QĐ 766/QĐ-TTg the ratings migration seeds. */
const CRITERIA = [
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

/**
 * Issue 18's journey in real Chromium. On a phone (390×844) a citizen signs in with the code read
 * from the SMS outbox, submits household business registration online with two uploaded files and
 * pays the fee in the VNPay simulator; at the desk (1366×768) the officer accepts it from "Hồ sơ
 * trực tuyến"; the officers finish the steps and the desk uploads the result and returns it; the
 * citizen downloads the result from "Hồ sơ của tôi" and rates the service with the key the SMS
 * carried; the rating shows in the leaders' report and the dossier counts as online in II.06a. The
 * database is shared with other suites: checks follow this run's codes and the change of counts.
 * `SCREENSHOT_DIR` keeps screenshots.
 */
describe('Nộp hồ sơ trực tuyến, từ đăng nhập đến đánh giá (browser)', () => {
  let server: TestServer;
  let simulator: VnpaySimulator;
  let browser: Browser;
  let db: DataSource;

  beforeAll(async () => {
    process.env.THROTTLE_PREFIX = `test-${randomUUID().slice(0, 8)}`;
    process.env.VNPAY_HASH_SECRET = SECRET;
    process.env.VNPAY_TMN_CODE = TMN;
    server = await startTestServer();
    simulator = await startVnpaySimulator({
      secret: SECRET,
      tmnCode: TMN,
      ipnUrl: `${server.url}/api/payments/vnpay/ipn`,
    });
    process.env.VNPAY_PAY_URL = simulator.payUrl;
    process.env.PUBLIC_URL = server.url;
    db = server.app.get(DataSource);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await simulator?.close();
    await server?.close();
  });

  const shooter = (page: Page) => async (name: string) => {
    if (process.env.SCREENSHOT_DIR)
      await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/${name}.png`, fullPage: true });
  };
  const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  const period = () => `from=${today()}&to=${today()}`;
  const onlineReceived = async (leader: Api) => {
    const table = (await leader.get(`/api/reports/summary?${period()}&groupBy=procedure`).expect(200)).body;
    return (table.lines.find((l: { key: string }) => l.key === HKD)?.receivedOnline ?? 0) as number;
  };
  const ratedCount = async (leader: Api) =>
    (await leader.get(`/api/reports/ratings?${period()}`).expect(200)).body.total.count as number;

  /** The officers finish the steps through the API (their screens are the inbox's own specs'). */
  async function finishSteps(code: string, officers: Record<string, Api>) {
    const step = async (elementId: string, who: string, variables: object) => {
      const [task] = await db.query(
        `SELECT t.id FROM tasks t JOIN dossiers d ON d.instance_id = t.instance_id
          WHERE d.code = $1 AND t.element_id = $2 AND t.status = 'open'`,
        [code, elementId],
      );
      await officers[who].post(`/api/tasks/${task.id}/claim`).expect(200);
      await officers[who].post(`/api/tasks/${task.id}/complete`, { variables }).expect(200);
    };
    await step('Task_TiepNhan', 'reception', {});
    await step('Task_ThamDinh', 'specialist', { outcome: 'approved', approved: true });
    await step('Task_PheDuyet', 'head', { outcome: 'approved', approved: true });
  }

  it('signs in, submits with two files, pays, is accepted, is processed, downloads the result and rates it', async () => {
    const officers: Record<string, Api> = {};
    for (const username of ['reception', 'specialist', 'head', 'leader'])
      officers[username] = await signIn(server, username);
    const onlineBefore = await onlineReceived(officers.leader);
    const ratedBefore = await ratedCount(officers.leader);

    // given a citizen on a phone, unique to this run
    const phone = newCitizenPhone();
    const businessName = `Hộ kinh doanh Tạp hóa ${randomUUID().slice(0, 6)}`;
    const citizen = await browser.newContext({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: PHONE,
      isMobile: true,
    });
    const page = await citizen.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const shot = shooter(page);

    // when they open the procedure's online form, they sign in first with the code the SMS carries
    await page.goto(`${server.url}/nop-ho-so/${HKD}`);
    await page.getByTestId('citizen-phone').waitFor();
    await page.getByTestId('citizen-phone').fill(phone);
    await page.getByTestId('citizen-send-code').click();
    await page.getByTestId('citizen-code-sent').waitFor();
    await page.getByTestId('citizen-code').fill(await codeFromOutbox(db, phone));
    await page.getByTestId('citizen-verify').click();
    await page.getByTestId('ap-fullName').waitFor();
    expect(page.url()).toContain(`/nop-ho-so/${HKD}`);

    // and fill the e-form, first forgetting the required fields
    await page.getByTestId('online-next').click();
    await page.getByText('Mục này là bắt buộc.').first().waitFor();
    await shot('online-1-form-errors');
    await page.getByTestId('ap-fullName').fill('Trần Thị Tạp Hóa');
    await page.getByTestId('ap-idNumber').fill('066190007777');
    await page.getByTestId('ap-address').fill('45 Phan Bội Châu, Buôn Ma Thuột');
    await page.getByTestId('eform-kinhGui').fill('Phòng Tài chính – Kế hoạch thành phố Buôn Ma Thuột');
    await page.getByTestId('eform-tenHoKinhDoanh').fill(businessName);
    await page.getByTestId('eform-diaChiTruSo').fill('45 Phan Bội Châu, phường Tân Lợi');
    await page.getByTestId('eform-nganhNghe').fill('Bán lẻ hàng tạp hóa');
    await page.getByTestId('eform-vonKinhDoanh').fill('50.000.000');
    await page.getByTestId('eform-camKet').check();
    await page.getByTestId('online-next').click();

    // and upload the two required documents
    await page
      .getByTestId('upload-giay-de-nghi')
      .setInputFiles({ name: 'giay-de-nghi.pdf', mimeType: 'application/pdf', buffer: samples.pdf(20_000) });
    await page.getByTestId('doc-giay-de-nghi').getByTestId('staged-file').waitFor();
    await page
      .getByTestId('upload-giay-to-phap-ly')
      .setInputFiles({ name: 'cccd-mat-truoc.jpg', mimeType: 'image/jpeg', buffer: samples.jpeg(30_000) });
    await page.getByTestId('doc-giay-to-phap-ly').getByTestId('staged-file').waitFor();
    await shot('online-2-files');
    await page.getByTestId('online-next').click();
    await page.getByTestId('online-review').waitFor();
    expect(await page.getByTestId('online-review').textContent()).toContain(businessName);
    await shot('online-3-review');
    await page.getByTestId('online-submit').click();

    // then the pre-registration code shows, the one the SMS carries
    const code = (await page.getByTestId('online-code').textContent())!.trim();
    expect(code).toMatch(/^TT-\d{6}-[2-9A-Z]{6}$/);
    await shot('online-4-done');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await db.query(`SELECT kind, phone FROM sms_outbox WHERE code = $1`, [code])).toEqual([
      { kind: 'online_submitted', phone },
    ]);

    // when they pay the fee in the simulator (VNPay's page), choosing a bank
    await page.getByTestId('online-pay').click();
    await page.waitForURL((url) => url.toString().startsWith(simulator.payUrl));
    expect(await page.getByTestId('sim-amount').innerText()).toBe('100.000 đồng');
    await page.getByTestId('sim-bank-VCB').check();
    await shot('online-5-simulator');
    await page.getByTestId('sim-pay').click();

    // then the return page says paid
    await page.waitForURL((url) => url.pathname === '/thanh-toan/ket-qua');
    await page.getByTestId('payment-paid').waitFor();
    expect(await page.getByTestId('payment-result').innerText()).toContain('Đã thanh toán');
    expect(await page.getByTestId('payment-back').getAttribute('href')).toBe('/ho-so-cua-toi');
    await shot('online-6-paid');

    // when the officer at the desk opens the queue and the submission, reads it and accepts
    const desk = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: DESK });
    const officer = await desk.newPage();
    officer.on('pageerror', (error) => errors.push(error.message));
    await signInOnPage(officer, server.url, 'reception', DEMO_PASSWORD);
    await officer.getByRole('link', { name: 'Hồ sơ trực tuyến' }).click();
    await officer.waitForURL('**/truc-tuyen');
    await officer.getByTestId('online-queue').getByText(code).click();
    await officer.getByTestId('online-answers').waitFor();
    expect(await officer.getByTestId('online-answers').textContent()).toContain(businessName);
    expect(await officer.getByTestId('online-answers').textContent()).toContain('50.000.000');
    expect(await officer.getByTestId('online-files').locator('.ant-list-item').count()).toBe(2);
    await officer.waitForTimeout(400);
    await shooter(officer)('online-7-desk');
    await officer.getByTestId('online-accept').click();

    // then the dossier is received, the SMS carries Form 01's link with the lookup key, and the fee counts for it
    await officer.getByTestId('online-accepted').waitFor();
    const dossierCode = (await officer.getByTestId('online-accepted').locator('a').first().textContent())!.trim();
    expect(dossierCode).toMatch(/^000\.00\.20\.H15-\d{6}-\d{4}$/);
    await officer.waitForTimeout(400);
    await shooter(officer)('online-8-accepted');
    const [sms] = await db.query(`SELECT kind, detail FROM sms_outbox WHERE code = $1`, [dossierCode]);
    expect(sms.kind).toBe('online_received');
    const link = new URL(sms.detail);
    const key = link.searchParams.get('key')!;
    const receipt = await request(server.url).get(`${link.pathname}${link.search}`).expect(200);
    expect(receipt.headers['content-type']).toBe('application/pdf');
    expect((await officers.reception.get(`/api/dossiers/${dossierCode}`).expect(200)).body.payment).toMatchObject({
      status: 'paid',
      amount: 100_000,
    });

    // when the officers finish the steps, the desk attaches the signed result and returns it
    await finishSteps(dossierCode, officers);
    await request(server.url)
      .post(`/api/dossiers/${dossierCode}/files`)
      .set('Authorization', `Bearer ${await token('reception')}`)
      .field('kind', 'result')
      .attach('file', samples.pdf(50_000), { filename: 'giay-chung-nhan-dang-ky-ho-kinh-doanh.pdf' })
      .expect(201);
    await officers.reception.post(`/api/dossiers/${dossierCode}/return`).expect(200);

    // then the citizen's "my dossiers" shows the submission accepted with its dossier, and the result to download
    await page.goto(`${server.url}/ho-so-cua-toi`);
    const card = page.locator(`[data-testid="online-submission"][data-code="${code}"]`);
    await card.getByTestId('online-submission-dossier').waitFor();
    expect(await card.getByTestId('online-submission-status').textContent()).toBe('Đã tiếp nhận');
    expect(await card.getByTestId('online-submission-dossier').textContent()).toBe(dossierCode);
    await shot('online-9-my-dossiers');
    await page.locator(`[data-testid="my-dossier"][data-code="${dossierCode}"]`).getByTestId('my-dossier-open').click();
    await page.getByTestId('my-results').waitFor();
    await shot('online-10-result');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('my-results').getByRole('button').first().click(),
    ]);
    expect(download.suggestedFilename()).toBe('giay-chung-nhan-dang-ky-ho-kinh-doanh.pdf');

    // when they rate the service from /tra-cuu with the code and the key of the SMS
    await page.goto(`${server.url}/tra-cuu?code=${encodeURIComponent(dossierCode)}&key=${key}`);
    await page.getByTestId('lookup-rate-link').click();
    await page.waitForURL('**/danh-gia?**');
    for (const criterion of CRITERIA) await page.getByTestId(`score-${criterion}-5`).click();
    await page.getByTestId('rating-submit').click();
    await page.getByTestId('rating-done').getByText('Cảm ơn ông/bà đã đánh giá').waitFor();
    await shot('online-11-rated');

    // then the rating shows in the leaders' report, and the dossier counts as received online in II.06a
    expect(await ratedCount(officers.leader)).toBe(ratedBefore + 1);
    expect(await onlineReceived(officers.leader)).toBe(onlineBefore + 1);
    const leaders = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: DESK });
    const reports = await leaders.newPage();
    await signInOnPage(reports, server.url, 'leader', DEMO_PASSWORD);
    await reports.goto(`${server.url}/bao-cao?${period()}`);
    await reports.getByTestId('ratings-table').locator('tr', { hasText: CITY }).waitFor();
    await reports.getByTestId('ratings-card').scrollIntoViewIfNeeded();
    await shooter(reports)('online-12-report');
    expect(errors).toEqual([]);
    await leaders.close();
    await desk.close();
    await citizen.close();
  });

  async function token(username: string): Promise<string> {
    return (await request(server.url).post('/api/auth/login').send({ username, password: DEMO_PASSWORD }).expect(200))
      .body.accessToken;
  }
});
