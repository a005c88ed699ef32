import { type Browser } from 'playwright-core';
import { DataSource } from 'typeorm';
import { launchChromium, openReceptionOfHouseholdBusiness, signInOnPage } from '../support/browser';
import { startTestServer, type TestServer } from '../support/test-app';

/**
 * The desk receives a dossier in the page and prints Form 01: procedure → applicant → documents
 * checklist → Tiếp nhận → code, lookup key, appointment → the receipt PDF in a new tab.
 * `SCREENSHOT_DIR=/tmp/shots` keeps screenshots for a person to look at.
 */
const PASSWORD = process.env.DEMO_PASSWORD ?? 'motcua-demo';

describe('Tiếp nhận hồ sơ (browser)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lets reception receive a household business dossier and open its receipt', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const shot = async (name: string) => {
      if (process.env.SCREENSHOT_DIR)
        await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/${name}.png`, fullPage: true });
    };

    // given the reception officer signed in
    await signInOnPage(page, server.url, 'reception', PASSWORD);

    // when she opens Tiếp nhận hồ sơ, chooses the procedure and fills the applicant
    await openReceptionOfHouseholdBusiness(page);
    await page.getByTestId('applicant-fullName').fill('Nguyễn Thị Hồng Nhung');
    await page.getByTestId('applicant-idNumber').fill('066190004321');
    await page.getByTestId('applicant-phone').fill('0905123456');
    await page.getByTestId('applicant-address').fill('Phường Tân Lợi, Buôn Ma Thuột');
    await shot('reception-form');
    await page.getByTestId('receive').click();

    // then the code, the key and the appointment are shown
    const code = (await page.getByTestId('dossier-code').textContent({ timeout: 15_000 }))?.trim() ?? '';
    expect(code).toMatch(/^000\.00\.20\.H15-\d{6}-\d{4}$/);
    expect((await page.getByTestId('lookup-key').textContent())?.trim()).toMatch(/^[A-Z2-9]{6}$/);
    expect(await page.getByTestId('appointment').textContent()).toMatch(/^\d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}$/);
    await shot('reception-done');

    // and the receipt opens in a new tab as a PDF blob
    const [tab] = await Promise.all([context.waitForEvent('page'), page.getByTestId('print-receipt').click()]);
    await tab.waitForURL(/^blob:/, { timeout: 15_000 });
    expect(pageErrors).toEqual([]);
    await context.close();
  });
  it('sends one Idempotency-Key per submission; a click after a lost answer reuses it and gets the same dossier', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const page = await context.newPage();
    // given the first answer to "Tiếp nhận" is lost on the way back (the server did the work)
    const keys: string[] = [];
    let answers = 0;
    await page.route('**/api/dossiers', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      const response = await route.fetch();
      if (answers++ === 0) return route.abort('connectionreset');
      return route.fulfill({ response });
    });
    await signInOnPage(page, server.url, 'reception', PASSWORD);
    await openReceptionOfHouseholdBusiness(page);
    const idNumber = `0661${String(Date.now()).slice(-8)}`;
    await page.getByTestId('applicant-fullName').fill('Lê Thị Gửi Lại');
    await page.getByTestId('applicant-idNumber').fill(idNumber);
    await page.getByTestId('applicant-phone').fill('0905123456');
    await page.getByTestId('applicant-address').fill('Phường Tân Lợi, Buôn Ma Thuột');

    // when the officer clicks "Tiếp nhận", sees the network error, and clicks again
    await page.getByTestId('receive').click();
    await page.getByText('Không kết nối được máy chủ').waitFor({ timeout: 15_000 });
    await page.getByTestId('receive').click();

    // then both sends carried the same key (a UUID), and the page shows the one dossier made
    const code = (await page.getByTestId('dossier-code').textContent({ timeout: 15_000 }))?.trim() ?? '';
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(keys[1]).toBe(keys[0]);
    const db = server.app.get(DataSource);
    const rows = await db.query(`SELECT code FROM dossiers WHERE applicant->>'idNumber' = $1`, [idNumber]);
    expect(rows.map((r: { code: string }) => r.code)).toEqual([code]);
    await context.close();
  });
});
