import { type Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
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
      if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/${name}.png`, fullPage: true });
    };

    // given the reception officer signed in
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill('reception');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/inbox');

    // when she opens Tiếp nhận hồ sơ, chooses the procedure and fills the applicant
    await page.getByRole('link', { name: 'Tiếp nhận hồ sơ' }).click();
    await page.waitForURL('**/tiep-nhan');
    await page.getByTestId('procedure-select').click();
    await page.keyboard.type('hộ kinh doanh');
    await page.locator('.ant-select-item-option', { hasText: '1.001612' }).click();
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
});
