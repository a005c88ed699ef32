import { type Browser, type Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/test-app';
import { launchChromium } from '../support/browser';

/**
 * The administrator's first day, end to end: a unit and an officer created in the pages; the
 * officer logs in with the temporary password, must change it, and reaches the inbox. Real
 * server, Postgres, Redis, built web app and Chromium; nothing mocked.
 * `SCREENSHOT_DIR=/tmp/shots` keeps a screenshot of each step for a person to look at.
 */

const PASSWORD = process.env.DEMO_PASSWORD ?? 'motcua-demo';

async function shot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOT_DIR)
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/${name}.png`, fullPage: true });
}

async function logIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  if (!page.url().endsWith('/login')) await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

async function logOut(page: Page): Promise<void> {
  await page.getByTestId('logout').click();
  await page.waitForURL('**/login');
}

/** Picks a unit in an antd TreeSelect by typing its code; the dropdown closes once the pick took. */
async function pickUnit(page: Page, testId: string, code: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(code);
  const dropdown = page.locator('.ant-select-dropdown:visible');
  // On a loaded machine the tree may still be filtering when the first click lands: click again then.
  for (let attempt = 1; ; attempt++) {
    await page.locator('.ant-select-tree-title', { hasText: code }).last().click();
    try {
      await dropdown.waitFor({ state: 'hidden', timeout: 3_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

describe('Quản trị đơn vị và tài khoản (browser)', () => {
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

  it('the administrator creates a unit and an officer; the officer logs in, changes the password, reaches the inbox', async () => {
    const suffix = String(Date.now()).slice(-6);
    const unitCode = `000.${String(30 + (Date.now() % 60)).padStart(2, '0')}.20.H15`;
    const unitName = `Phòng Văn hóa thử nghiệm ${suffix}`;
    const username = `cb.moi.${suffix}`;
    const page = await browser.newPage({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: 1366, height: 800 },
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    // given the administrator on the units page
    await logIn(page, server.url, 'admin', PASSWORD);
    await page.waitForURL('**/inbox');
    await page.getByRole('link', { name: 'Đơn vị' }).click();
    await page.getByTestId('unit-row-000.00.20.H15').waitFor();
    await shot(page, '01-units');

    // when they add a unit under the city
    await page.getByTestId('unit-create').click();
    await page.getByTestId('unit-code').fill('21.20.H15');
    await page.getByTestId('unit-name').fill(unitName);
    await page.getByTestId('unit-form-submit').click();
    await page.getByText('Mã phải có dạng NNN.NN.NN.Hxx').waitFor(); // a wrong code is caught before sending
    await page.getByTestId('unit-code').fill(unitCode);
    await shot(page, '02-unit-form');
    await page.getByTestId('unit-form-submit').click();
    await page.getByTestId(`unit-row-${unitCode}`).waitFor();
    await shot(page, '03-unit-created');

    // and an officer of that unit, without a password (one is generated)
    await page.getByRole('link', { name: 'Tài khoản' }).click();
    await page.getByTestId('user-row-admin').waitFor();
    await page.getByTestId('user-create').click();
    await page.getByTestId('user-username').fill(username);
    await page.getByTestId('user-fullname').fill('Nguyễn Thị Mới');
    await pickUnit(page, 'user-unit-select', unitCode);
    await page.getByRole('checkbox', { name: 'Chuyên viên' }).check();
    await page.getByTestId('user-fields').click();
    await page.keyboard.type('culture');
    await page.keyboard.press('Enter');
    await shot(page, '04-user-form');
    await page.getByTestId('user-form-submit').click();
    const temporary = (await page.getByTestId('temporary-password').textContent())!.trim();
    await shot(page, '05-temporary-password');
    expect(temporary).toMatch(/^\w{4}-\w{4}-\w{4}$/);
    await page.getByRole('button', { name: 'Đã ghi lại' }).click();
    await page.getByTestId(`user-row-${username}`).waitFor();
    await shot(page, '06-users');

    // then another user signing in after the administrator lands on the inbox, not on the admin page
    await logOut(page);
    await logIn(page, server.url, 'reception', PASSWORD);
    await page.waitForURL('**/inbox');
    await logOut(page);

    // and the officer must change the temporary password first
    await logIn(page, server.url, username, temporary);
    await page.waitForURL('**/account/password');
    await page.getByTestId('password-forced').waitFor();
    await page.getByTestId('password-current').fill(temporary);
    await page.getByTestId('password-new').fill('matkhau123');
    await page.getByTestId('password-confirm').fill('matkhau123');
    await page.getByTestId('password-submit').click();
    await page.getByTestId('password-error').waitFor(); // a common password is refused, saying why
    expect(await page.getByTestId('password-error').textContent()).toContain('phổ biến');
    await shot(page, '07-password-weak');
    await page.getByTestId('password-new').fill('Hoa-ban-no-2026');
    await page.getByTestId('password-confirm').fill('Hoa-ban-no-2026');
    await page.getByTestId('password-submit').click();

    // and reaches the inbox, signed in as themselves in their unit
    await page.waitForURL('**/inbox');
    expect(await page.getByTestId('user-name').textContent()).toBe('Nguyễn Thị Mới');
    expect(await page.getByTestId('user-unit').textContent()).toBe(unitName);
    await shot(page, '08-officer-inbox');
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('shows the audit trail of those changes to the administrator', async () => {
    // given
    const page = await browser.newPage({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: 1366, height: 800 },
    });
    await logIn(page, server.url, 'admin', PASSWORD);
    await page.waitForURL('**/inbox');
    // when
    await page.goto(`${server.url}/admin/audit`);
    await page.getByTestId('audit-actor').fill('admin');
    await page.getByTestId('audit-search').click();
    // then
    await page.getByText('Tạo tài khoản').first().waitFor();
    await page.getByText('Tạo đơn vị').first().waitFor();
    await shot(page, '09-audit');
    await page.close();
  });
});
