import { randomUUID } from 'node:crypto';
import { type Browser, type Page } from 'playwright-core';
import request from 'supertest';
import { launchChromium } from '../support/browser';
import { startTestServer, type TestServer } from '../support/test-app';
import { signIn } from '../e2e/workflow.helpers';

/**
 * The public tracking pages (libs/tracking): the receipt's QR URL, the hall kiosk's keypad, the
 * provincial stats. No login anywhere. `SCREENSHOT_DIR=/tmp/shots` keeps screenshots.
 */
const applicant = { fullName: 'Nguyễn Văn An', idNumber: '066190009876', phone: '0905999888', address: 'Phường Tân Lợi' };
const HOUSEHOLD = { procedureCode: '1.001612', applicant, channel: 'direct', documents: ['giay-de-nghi', 'giay-to-phap-ly'] };

describe('Tra cứu, kiosk, thống kê (browser)', () => {
  let server: TestServer;
  let browser: Browser;
  let dossier: { code: string; lookupKey: string };

  beforeAll(async () => {
    process.env.THROTTLE_PREFIX = `test-${randomUUID().slice(0, 8)}`;
    server = await startTestServer();
    browser = await launchChromium();
    const reception = await signIn(server, 'reception');
    dossier = (await reception.post('/api/dossiers', HOUSEHOLD).expect(201)).body;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path: string, viewport = { width: 1280, height: 900 }): Promise<{ page: Page; errors: string[]; shot: (name: string) => Promise<void> }> {
    const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}${path}`);
    const shot = async (name: string) => {
      if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/${name}.png`, fullPage: true });
    };
    return { page, errors, shot };
  }

  it('opens the receipt QR URL without login and shows the status, masked name and timeline', async () => {
    // when the citizen scans the QR of the receipt
    const { page, errors, shot } = await open(`/tra-cuu?code=${dossier.code}&key=${dossier.lookupKey}`);
    // then
    await page.getByTestId('dossier-status').waitFor();
    const text = await page.getByTestId('dossier-status').innerText();
    await shot('tra-cuu');
    expect(text).toContain(dossier.code);
    expect(text).toContain('Đã tiếp nhận');
    expect(text).toContain('Nguyễn V** A*');
    expect(text).toContain('Tiếp nhận hồ sơ');
    expect(text).not.toContain(applicant.fullName);
    expect(page.url()).toContain('/tra-cuu');
    expect(errors).toEqual([]);
  });

  it('looks a dossier up on the kiosk with the on-screen keypad, then goes back to the start', async () => {
    // given the kiosk start screen
    const { page, errors, shot } = await open('/kiosk', { width: 1920, height: 1080 });
    await shot('kiosk-start');
    // when the code is typed on the keypad and searched
    for (const ch of dossier.code) await page.getByTestId(`key-${ch}`).click();
    expect(await page.getByTestId('kiosk-code').innerText()).toContain(dossier.code);
    await page.getByTestId('kiosk-search').click();
    // then the status shows, without personal data (no key typed)
    await page.getByTestId('dossier-status').waitFor();
    const text = await page.getByTestId('dossier-status').innerText();
    await shot('kiosk-result');
    expect(text).toContain('Đã tiếp nhận');
    expect(text).not.toContain('Nguyễn');
    // when the citizen is done
    await page.getByTestId('kiosk-again').click();
    expect(await page.getByTestId('kiosk-code').innerText()).toContain('000.00.20.H15-261128-0001');
    expect(errors).toEqual([]);
  });

  it('shows the API numbers on the stats page', async () => {
    // given the API's province totals
    const api = (await request(server.url).get('/api/public/stats').expect(200)).body;
    // when
    const { page, errors, shot } = await open('/thong-ke');
    await page.getByTestId('total-received').waitFor();
    await page.waitForFunction(() => !document.querySelector('.ant-spin-blur, .ant-spin-spinning'));
    await shot('thong-ke');
    // then
    expect(await page.getByTestId('total-received').innerText()).toBe(String(api.total.received));
    expect(await page.getByTestId('total-inProgressOnTime').innerText()).toBe(String(api.total.inProgressOnTime));
    expect(errors).toEqual([]);
  });
});
