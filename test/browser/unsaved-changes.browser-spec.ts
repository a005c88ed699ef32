import { type Browser, type Page } from 'playwright-core';
import { launchChromium, openReceptionOfHouseholdBusiness, signInOnPage } from '../support/browser';
import { startTestServer, type TestServer } from '../support/test-app';

/**
 * Issue 19 item 6: work is not lost without a warning. Leaving the reception form with typed
 * details, or closing the procedure form with changes, asks first; "Ở lại" keeps everything.
 */
const PASSWORD = process.env.DEMO_PASSWORD ?? 'motcua-demo';

describe('Unsaved changes (browser)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer({ runWorkers: false });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signedIn(username: string): Promise<Page> {
    const page = await (await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' })).newPage();
    await signInOnPage(page, server.url, username, PASSWORD);
    return page;
  }

  it('asks before leaving the reception form with typed details, and keeps them on "Ở lại"', async () => {
    // given the desk typing an applicant's name
    const page = await signedIn('reception');
    await openReceptionOfHouseholdBusiness(page);
    await page.getByTestId('applicant-fullName').fill('Nguyễn Thị Lan');

    // when they click another menu item, then the app asks, and "Ở lại" keeps the page and the name
    await page.getByRole('link', { name: 'Hộp công việc' }).click();
    const dialog = page.locator('.ant-modal-confirm', { hasText: 'Rời trang khi chưa lưu?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Thông tin hồ sơ đang nhập chưa được lưu');
    await dialog.getByRole('button', { name: 'Ở lại' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(new URL(page.url()).pathname).toBe('/tiep-nhan');
    expect(await page.getByTestId('applicant-fullName').inputValue()).toBe('Nguyễn Thị Lan');

    // when they leave and confirm, then they are on the inbox
    await page.getByRole('link', { name: 'Hộp công việc' }).click();
    await page
      .locator('.ant-modal-confirm', { hasText: 'Rời trang khi chưa lưu?' })
      .getByRole('button', { name: 'Rời trang' })
      .click();
    await page.waitForURL('**/inbox');
  });

  it('leaves an untouched reception form without asking', async () => {
    const page = await signedIn('reception');
    await openReceptionOfHouseholdBusiness(page);
    await page.getByRole('link', { name: 'Hộp công việc' }).click();
    await page.waitForURL('**/inbox');
    expect(await page.locator('.ant-modal-confirm').count()).toBe(0);
  });

  it('asks before closing the procedure form with changes, and keeps them on "Tiếp tục sửa"', async () => {
    // given the administrator typing into a new procedure
    const page = await signedIn('admin');
    await page.getByRole('link', { name: 'Danh mục thủ tục' }).click();
    await page.getByTestId('procedure-create').click();
    await page.getByTestId('procedure-name').fill('Thủ tục đang soạn');

    // when they press Hủy, then the app asks; "Tiếp tục sửa" keeps the drawer and the text
    await page.getByRole('button', { name: 'Hủy' }).click();
    const dialog = page.locator('.ant-modal-confirm', { hasText: 'Bỏ thay đổi chưa lưu?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Tiếp tục sửa' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByTestId('procedure-name').inputValue()).toBe('Thủ tục đang soạn');

    // when they press Hủy again and discard, then the drawer closes
    await page.getByRole('button', { name: 'Hủy' }).click();
    await page
      .locator('.ant-modal-confirm', { hasText: 'Bỏ thay đổi chưa lưu?' })
      .getByRole('button', { name: 'Bỏ thay đổi' })
      .click();
    await page.getByTestId('procedure-name').waitFor({ state: 'detached' });
  });
});
