import { type Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/test-app';
import { launchChromium, signInOnPage } from '../support/browser';

/**
 * Issue 20 item 4: while PUBLIC_URL is the development default, administrators see a banner saying
 * that QR codes point to localhost and what to ask for; other officers see none.
 * `SCREENSHOT_DIR=/tmp/shots` keeps the administrator's page for a person to look at.
 */
const PASSWORD = process.env.DEMO_PASSWORD ?? 'motcua-demo';

describe('Cảnh báo cấu hình triển khai (browser)', () => {
  let server: TestServer;
  let browser: Browser;
  const saved = process.env.PUBLIC_URL;

  beforeAll(async () => {
    delete process.env.PUBLIC_URL;
    server = await startTestServer({ runWorkers: false });
    browser = await launchChromium();
  });
  afterAll(async () => {
    if (saved !== undefined) process.env.PUBLIC_URL = saved;
    await browser?.close();
    await server?.close();
  });

  it('shows administrators the PUBLIC_URL banner, in Vietnamese', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await signInOnPage(page, server.url, 'admin', PASSWORD);
    const banner = page.getByTestId('deployment-warnings');
    await banner.waitFor();
    await expect(banner.textContent()).resolves.toContain('Chưa cấu hình địa chỉ công khai của hệ thống');
    await expect(banner.textContent()).resolves.toContain('http://localhost:3000');
    if (process.env.SCREENSHOT_DIR)
      await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/deployment-warning.png` });
    await page.close();
  });

  it('shows other officers nothing', async () => {
    const page = await browser.newPage();
    await signInOnPage(page, server.url, 'reception', PASSWORD);
    await page.getByTestId('user-name').waitFor();
    expect(await page.getByTestId('deployment-warnings').count()).toBe(0);
    await page.close();
  });
});
