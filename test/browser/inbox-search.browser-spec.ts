import type { Browser, Page } from 'playwright-core';
import { launchChromium, signInOnPage } from '../support/browser';
import { startTestServer, type TestServer } from '../support/test-app';

/**
 * Issue 19 items 1 and 2 in the browser: the inbox search finds "Nguyễn" when the officer types
 * "Nguyen" (and the ID number), and shows the applicant, procedure and appointment; the reception's
 * procedure picker finds "hộ kinh doanh" typed without accents. Real server, built web app, Chromium.
 */
const PASSWORD = process.env.DEMO_PASSWORD ?? 'motcua-demo';
const ID_NUMBER = '066190888456';
const applicant = {
  fullName: 'Nguyễn Văn Bình Đức',
  idNumber: ID_NUMBER,
  phone: '0905123456',
  address: 'Phường Tân Lợi, Buôn Ma Thuột',
};

async function post<T>(url: string, path: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path} → ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

describe('accent-insensitive search (browser)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let code: string;

  beforeAll(async () => {
    server = await startTestServer({ runWorkers: false });
    browser = await launchChromium();
    const { accessToken } = await post<{ accessToken: string }>(server.url, '/api/auth/login', {
      username: 'reception',
      password: PASSWORD,
    });
    ({ code } = await post<{ code: string }>(
      server.url,
      '/api/dossiers',
      { procedureCode: '1.001612', applicant, channel: 'direct', documents: ['giay-de-nghi', 'giay-to-phap-ly'] },
      accessToken,
    ));
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signInOnPage(page, server.url, 'reception', PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function searchInbox(text: string): Promise<void> {
    await page.getByTestId('inbox-search').locator('input').fill(text);
    await page.getByTestId('inbox-search').locator('input').press('Enter');
  }

  it('"Nguyen Van Binh Duc" finds the step of Nguyễn Văn Bình Đức, with procedure, applicant and appointment', async () => {
    // when the officer types the name without accents
    await searchInbox('Nguyen Van Binh Duc');
    // then the dossier's step is the only row, and shows who applied for what
    const row = page.locator('tr[data-testid^="task-row-"]', { hasText: code });
    await row.waitFor();
    expect(await page.locator('tr[data-testid^="task-row-"]').count()).toBe(1);
    const text = await row.innerText();
    expect(text).toContain('Nguyễn Văn Bình Đức');
    expect(text).toContain('Đăng ký thành lập hộ kinh doanh');
    expect(text).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  });

  it('the ID number finds it too; a name that is not there finds nothing', async () => {
    await searchInbox(ID_NUMBER);
    await page.locator('tr[data-testid^="task-row-"]', { hasText: code }).waitFor();
    await searchInbox('Nguyen Van Binh Dux');
    await page.getByText('Không có công việc nào').waitFor();
    expect(await page.locator('tr[data-testid^="task-row-"]').count()).toBe(0);
  });

  it('the reception\'s procedure picker finds "Đăng ký thành lập hộ kinh doanh" by "dang ky thanh lap ho"', async () => {
    await page.getByRole('link', { name: 'Tiếp nhận hồ sơ' }).click();
    await page.waitForURL('**/tiep-nhan');
    await page.getByTestId('procedure-select').click();
    await page.keyboard.type('dang ky thanh lap ho');
    // then only that procedure is offered (the catalog has five)
    await page.locator('.ant-select-item-option', { hasText: '1.001612' }).waitFor();
    expect(await page.locator('.ant-select-item-option').allInnerTexts()).toEqual([
      expect.stringContaining('1.001612'),
    ]);
    await page.locator('.ant-select-item-option', { hasText: '1.001612' }).click();
    expect(await page.getByTestId('procedure-select').innerText()).toContain('hộ kinh doanh');
  });
});
