import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { lookupUrl } from '../../libs/dossiers/src/forms/lookup-qr';
import { launchChromium } from '../support/browser';
import { startTestServer, type TestServer } from '../support/test-app';
import { signIn } from '../e2e/workflow.helpers';
import { fakeCameraArgs, writeQrVideo } from './kiosk.support';

/**
 * The hall kiosk beyond its keypad (tracking.browser-spec.ts): the camera reading the receipt's
 * QR (Chromium's fake camera plays a video of it), a device without camera, and the idle reset
 * (`?idle=` seconds instead of 60). `SCREENSHOT_DIR=/tmp/shots` keeps screenshots.
 */
const applicant = {
  fullName: 'Lê Thị Hồng Nhung',
  idNumber: '066190004321',
  phone: '0905777666',
  address: 'Số 9 Hai Bà Trưng',
};
const HOUSEHOLD = {
  procedureCode: '1.001612',
  applicant,
  channel: 'direct',
  documents: ['giay-de-nghi', 'giay-to-phap-ly'],
};
const START_PLACEHOLDER = '000.00.20.H15-261128-0001';

describe('Kiosk: camera QR and idle reset (browser)', () => {
  let server: TestServer;
  let dossier: { code: string; lookupKey: string };
  let videos: string;
  const browsers: Browser[] = [];

  beforeAll(async () => {
    process.env.THROTTLE_PREFIX = `test-${randomUUID().slice(0, 8)}`;
    server = await startTestServer();
    const reception = await signIn(server, 'reception');
    dossier = (await reception.post('/api/dossiers', HOUSEHOLD).expect(201)).body;
    videos = await mkdtemp(join(tmpdir(), 'kiosk-camera-'));
  });

  afterAll(async () => {
    await Promise.all(browsers.map((b) => b.close()));
    await server?.close();
    if (videos) await rm(videos, { recursive: true, force: true });
  });

  /** A Chromium whose camera films a paper showing the QR of `text`. */
  async function cameraShowing(text: string): Promise<Browser> {
    const file = join(videos, `${randomUUID()}.y4m`);
    await writeQrVideo(file, text);
    const browser = await launchChromium(fakeCameraArgs(file));
    browsers.push(browser);
    return browser;
  }

  async function open(browser: Browser, path: string, setup?: (context: BrowserContext) => Promise<unknown>) {
    const context = await browser.newContext({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: 1920, height: 1080 },
    });
    await setup?.(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}${path}`);
    await page.getByTestId('kiosk').waitFor();
    const shot = async (name: string) => {
      if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/${name}.png` });
    };
    return { page, errors, shot };
  }

  const cameraOn = (page: Page) =>
    page.evaluate(() =>
      [...document.querySelectorAll('video')].some((v) => (v.srcObject as MediaStream | null)?.active),
    );

  it('reads the receipt QR from the camera and shows the dossier with the masked name', async () => {
    // given a kiosk whose camera sees the receipt QR (the lookup URL with code and key)
    const browser = await cameraShowing(lookupUrl(dossier.code, dossier.lookupKey));
    const { page, errors, shot } = await open(browser, '/kiosk');
    await page.getByTestId('kiosk-scan').waitFor();
    await shot('kiosk-camera-start');
    // when the citizen presses «Quét mã QR»
    await page.getByTestId('kiosk-scan').click();
    await page.getByTestId('qr-scanner').waitFor();
    // then the dossier shows, looked up with the key
    await page.getByTestId('dossier-status').waitFor({ timeout: 15_000 });
    await shot('kiosk-qr-result');
    const text = await page.getByTestId('dossier-status').innerText();
    expect(text).toContain(dossier.code);
    expect(text).toContain('Đã tiếp nhận');
    expect(text).toContain('Lê T** H*** N****');
    expect(text).not.toContain(applicant.fullName);
    // and the camera is released
    expect(await cameraOn(page)).toBe(false);
    expect(errors).toEqual([]);
  });

  it('tells a QR that is not a receipt apart, keeps scanning, and closes the camera on the idle reset', async () => {
    // given a camera that sees some other QR, and a kiosk that resets after 3 s idle
    const browser = await cameraShowing('https://dichvucong.gov.vn/p/home/dvc-trang-chu.html');
    const { page, errors, shot } = await open(browser, '/kiosk?idle=3');
    // when
    await page.getByTestId('kiosk-scan').click();
    // then it says so, and the camera stays on
    await page.getByTestId('qr-rejected').waitFor({ timeout: 15_000 });
    await shot('kiosk-qr-rejected');
    expect(
      await page.getByTestId('qr-close').evaluate((e) => e.getBoundingClientRect().bottom <= window.innerHeight),
    ).toBe(true);
    expect(await page.getByTestId('qr-scanner').getAttribute('data-decoder')).toMatch(/^(jsqr|barcode-detector)$/);
    expect(await cameraOn(page)).toBe(true);
    // when nobody touches the screen, then it goes back to the start and the camera goes off
    await page.getByTestId('qr-scanner').waitFor({ state: 'detached', timeout: 10_000 });
    expect(await page.getByTestId('kiosk-code').innerText()).toContain(START_PLACEHOLDER);
    expect(await cameraOn(page)).toBe(false);
    expect(errors).toEqual([]);
  });

  it('lets the citizen close the camera and type the code instead', async () => {
    // given
    const browser = await cameraShowing('not a receipt');
    const { page } = await open(browser, '/kiosk');
    await page.getByTestId('kiosk-scan').click();
    await page.getByTestId('qr-scanner').waitFor();
    // when
    await page.getByTestId('qr-close').click();
    // then the keypad is back and the camera is off
    await page.getByTestId('key-1').waitFor();
    expect(await cameraOn(page)).toBe(false);
  });

  it('hides the scan button on a device without a camera', async () => {
    // given a device that reports no video input
    const browser = await launchChromium();
    browsers.push(browser);
    const { page, errors } = await open(browser, '/kiosk', (context) =>
      context.addInitScript(() => {
        navigator.mediaDevices.enumerateDevices = async () => [];
      }),
    );
    // then
    await page.getByTestId('key-1').waitFor();
    expect(await page.getByTestId('kiosk-scan').count()).toBe(0);
    expect(await page.getByTestId('kiosk').innerText()).toContain('Chạm vào ô, nhập mã hồ sơ');
    expect(errors).toEqual([]);
  });

  it('takes a hardware keyboard and a USB QR scanner, which types the QR text and Enter', async () => {
    // given a kiosk with a keyboard
    const browser = await launchChromium();
    browsers.push(browser);
    const { page, errors } = await open(browser, '/kiosk');
    await page.getByTestId('key-1').waitFor();
    // when the code is typed in lower case and Enter pressed
    await page.keyboard.type(dossier.code.toLowerCase());
    await page.keyboard.press('Enter');
    // then the dossier shows, without the name (no key)
    await page.getByTestId('dossier-status').waitFor();
    expect(await page.getByTestId('dossier-status').innerText()).not.toContain('Lê T');
    // when another QR is scanned from the start screen
    await page.getByTestId('kiosk-again').click();
    await page.keyboard.type('https://dichvucong.gov.vn/p/home/dvc-trang-chu.html');
    await page.keyboard.press('Enter');
    // then the kiosk says it is not a receipt and clears what the scanner typed
    await page.getByTestId('kiosk-error').getByText('không phải mã trên giấy hẹn').waitFor();
    expect(await page.getByTestId('kiosk-code').innerText()).toContain(START_PLACEHOLDER);
    // when the receipt QR is scanned
    await page.keyboard.type(lookupUrl(dossier.code, dossier.lookupKey));
    await page.keyboard.press('Enter');
    // then the dossier shows with the masked name
    await page.getByText('Lê T** H*** N****').waitFor();
    expect(await page.getByTestId('dossier-status').innerText()).toContain(dossier.code);
    expect(errors).toEqual([]);
  });

  it('goes back to the start after the idle time with no touch, and a touch restarts the count', async () => {
    // given a kiosk that resets after 2 s idle, showing a dossier
    const browser = await launchChromium();
    browsers.push(browser);
    const { page, errors } = await open(browser, '/kiosk?idle=2');
    for (const ch of dossier.code) await page.getByTestId(`key-${ch}`).click();
    await page.getByTestId('kiosk-search').click();
    await page.getByTestId('dossier-status').waitFor();
    const shownAt = Date.now();
    // when the citizen touches the screen after 1.2 s
    await page.waitForTimeout(1_200);
    await page.mouse.click(5, 5);
    const touchedAt = Date.now();
    // then the result is still there 2.4 s after the search (1.2 s after the touch)
    await page.waitForTimeout(1_200);
    expect(await page.getByTestId('dossier-status').count()).toBe(1);
    // and the start screen comes back about 2 s after the last touch
    await page.getByTestId('dossier-status').waitFor({ state: 'detached', timeout: 5_000 });
    const idleFor = Date.now() - touchedAt;
    expect(Date.now() - shownAt).toBeGreaterThan(3_000);
    expect(idleFor).toBeGreaterThanOrEqual(1_900);
    expect(idleFor).toBeLessThan(4_500);
    expect(await page.getByTestId('kiosk-code').innerText()).toContain(START_PLACEHOLDER);
    expect(errors).toEqual([]);
  });
});
