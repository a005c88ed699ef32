import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { startTestServer, type TestServer } from '../support/test-app';

const PASSWORD = process.env.DEMO_PASSWORD ?? 'motcua-demo';
const PAGES = [
  '/inbox',
  '/modeler',
  '/tiep-nhan',
  '/bao-cao',
  '/admin/units',
  '/admin/users',
  '/admin/audit',
  '/admin/calendar',
  '/tra-cuu',
  '/thu-tuc',
  '/thu-tuc/1.001612',
  '/thong-ke',
  '/api/docs',
];

/**
 * The Content Security Policy (docs/security.md) lets every page work: no violation is reported
 * on any page of the built app, the modeler draws and validates on the server, and the kiosk's
 * camera plays (Chromium's fake camera). A new inline script, CDN font or eval fails here.
 */
describe('Content Security Policy in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  const violations: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream']);
    context = await browser.newContext({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: 1366, height: 800 },
    });
    await context.grantPermissions(['camera'], { origin: server.url });
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(
          `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`,
        );
      });
    });
    context.on('console', (message) => {
      if (/CSP violation|Content Security Policy/.test(message.text()))
        violations.push(`${message.page()?.url()}: ${message.text()}`);
    });
    context.on('weberror', (error) => violations.push(`page error: ${error.error().message}`));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('serves the web app with the policy', async () => {
    const page = await context.newPage();
    const response = await page.goto(`${server.url}/login`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.close();
  });

  it('reports no violation on any page, with the modeler drawing and validating', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/inbox');
    for (const path of PAGES) {
      await page.goto(`${server.url}${path}`);
      await page.waitForLoadState('networkidle');
      if (path === '/modeler') {
        await page.locator('.djs-container svg .djs-element').first().waitFor();
        await page.getByText('Đã kiểm tra cả trên máy chủ').waitFor();
      }
    }
    expect(violations).toEqual([]);
  });

  it('lets the kiosk open the camera', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/kiosk`);
    await page.getByRole('button', { name: /Quét mã QR/ }).click();
    await page.waitForFunction(() => {
      const video = document.querySelector('video');
      return !!video && video.readyState >= 2 && video.videoWidth > 0;
    });
    expect(violations).toEqual([]);
  });
});
