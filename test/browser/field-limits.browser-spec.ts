import { type Browser, type Page } from 'playwright-core';
import { FIELD_LIMITS } from '../../libs/common/src/field-limits';
import { launchChromium, openReceptionOfHouseholdBusiness, signInOnPage } from '../support/browser';
import { startTestServer, type TestServer } from '../support/test-app';

/**
 * Issue 15, item 8, as the desk sees it: the reception form stops at the server's limits, and
 * what the server refuses is said in Vietnamese.
 */
const PASSWORD = process.env.DEMO_PASSWORD ?? 'motcua-demo';

describe('Field length limits at the desk (browser)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer({ runWorkers: false });
    browser = await launchChromium();
    page = await (await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' })).newPage();
    await signInOnPage(page, server.url, 'reception', PASSWORD);
    await openReceptionOfHouseholdBusiness(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('cannot type or paste past the limits of the applicant fields', async () => {
    // when the officer types more than allowed into each free-text field
    await page.getByTestId('applicant-fullName').fill('Ng'.repeat(FIELD_LIMITS.personName));
    await page.getByTestId('applicant-email').fill(`${'a'.repeat(FIELD_LIMITS.email)}@example.vn`);
    await page.getByTestId('applicant-address').fill('Số 1 Lê Duẩn, '.repeat(60));
    // then each holds exactly its maximum
    expect(await page.getByTestId('applicant-fullName').inputValue()).toHaveLength(FIELD_LIMITS.personName);
    expect(await page.getByTestId('applicant-email').inputValue()).toHaveLength(FIELD_LIMITS.email);
    expect(await page.getByTestId('applicant-address').inputValue()).toHaveLength(FIELD_LIMITS.address);
  });

  it("says in Vietnamese what is wrong with the applicant, not the server's English", async () => {
    // given an applicant whose e-mail has no domain
    await page.getByTestId('applicant-fullName').fill('Nguyễn Thị Hồng Nhung');
    await page.getByTestId('applicant-idNumber').fill('066190004321');
    await page.getByTestId('applicant-phone').fill('0905123456');
    await page.getByTestId('applicant-email').fill('nhung@');
    await page.getByTestId('applicant-address').fill('Phường Tân Lợi, Buôn Ma Thuột');
    // when the dossier is received
    await page.getByTestId('receive').click();
    // then the toast names the field in Vietnamese
    const toast = page.locator('.ant-message-notice');
    await toast.first().waitFor({ timeout: 15_000 });
    expect(await toast.first().textContent()).toContain('Thư điện tử không hợp lệ');
    expect(await toast.first().textContent()).not.toContain('Invalid applicant');
  });
});
