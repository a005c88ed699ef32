import { randomUUID } from 'node:crypto';
import { type Browser, type Page } from 'playwright-core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { launchChromium } from '../support/browser';
import { startTestServer, type TestServer } from '../support/test-app';
import { insertGolden, PERIOD_A } from '../e2e/reports.golden';
import { signIn } from '../e2e/workflow.helpers';

/**
 * The public tracking pages (libs/tracking): the receipt's QR URL, the hall kiosk's keypad, the
 * provincial stats. No login anywhere. `SCREENSHOT_DIR=/tmp/shots` keeps screenshots.
 */
const applicant = {
  fullName: 'Nguyễn Văn An',
  idNumber: '066190009876',
  phone: '0905999888',
  address: 'Phường Tân Lợi',
};
const HOUSEHOLD = {
  procedureCode: '1.001612',
  applicant,
  channel: 'direct',
  documents: ['giay-de-nghi', 'giay-to-phap-ly'],
};

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

  async function open(
    path: string,
    viewport = { width: 1280, height: 900 },
  ): Promise<{ page: Page; errors: string[]; shot: (name: string) => Promise<void> }> {
    const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}${path}`);
    const shot = async (name: string) => {
      if (process.env.SCREENSHOT_DIR)
        await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/${name}.png`, fullPage: true });
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

  it('shows a refused dossier as "Từ chối giải quyết" with its reason and no appointment, on a computer and a phone (the kiosk shows the same card; ADR 0011)', async () => {
    // given a dossier the desk refused (the same closing as a diagram's refusal end event)
    const reception = await signIn(server, 'reception');
    const refused = (
      await reception
        .post('/api/dossiers', { ...HOUSEHOLD, applicant: { ...applicant, idNumber: '066190009877' } })
        .expect(201)
    ).body;
    await reception
      .post(`/api/dossiers/${refused.code}/refuse`, {
        reason: 'Hồ sơ không thuộc thẩm quyền giải quyết của UBND thành phố',
      })
      .expect(200);
    for (const [path, viewport, name] of [
      [`/tra-cuu?code=${refused.code}&key=${refused.lookupKey}`, { width: 1280, height: 900 }, 'tra-cuu-tu-choi'],
      [`/tra-cuu?code=${refused.code}`, { width: 390, height: 844 }, 'tra-cuu-tu-choi-dien-thoai'],
    ] as const) {
      // when the citizen looks it up
      const { page, errors, shot } = await open(path, viewport);
      await page.getByTestId('dossier-status').waitFor();
      const text = await page.getByTestId('dossier-status').innerText();
      await shot(name);
      // then the refusal and its reason show, never an appointment
      expect(text).toContain('Từ chối giải quyết');
      expect(await page.getByTestId('refusal-reason').innerText()).toBe(
        'Hồ sơ không thuộc thẩm quyền giải quyết của UBND thành phố',
      );
      expect(text).not.toContain('Ngày hẹn trả');
      expect(errors).toEqual([]);
    }
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
    // when the citizen adds the key from the receipt
    await page.getByTestId('kiosk-add-key').click();
    for (const ch of dossier.lookupKey) await page.getByTestId(`key-${ch}`).click();
    await page.getByTestId('kiosk-search').click();
    // then the masked name shows too
    await page.getByText('Nguyễn V** A*').waitFor();
    expect(await page.getByTestId('kiosk-add-key').count()).toBe(0);
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

  it("draws each unit's bar and on-time rate as the API counts them, for the period in the link", async () => {
    // given the reports' golden dossiers (early, on time, late, overdue) and the API's March
    await insertGolden(server.app.get(DataSource));
    const api = (await request(server.url).get(`/api/public/stats?from=${PERIOD_A.from}&to=${PERIOD_A.to}`).expect(200))
      .body;
    // when
    const { page, errors, shot } = await open(`/thong-ke?from=${PERIOD_A.from}&to=${PERIOD_A.to}`, {
      width: 1920,
      height: 1080,
    });
    await page.getByTestId(`chart-${api.units[0].unitCode}`).waitFor();
    await page.waitForFunction(() => !document.querySelector('.ant-spin-blur, .ant-spin-spinning'));
    await shot('thong-ke-golden');
    // then every unit's bar has the API's parts, and its rate
    const SEGMENTS = ['resolvedEarly', 'resolvedOnTime', 'resolvedLate', 'inProgressOnTime', 'inProgressOverdue'];
    for (const unit of api.units) {
      const bar = page.getByTestId(`chart-${unit.unitCode}`);
      const parts = await bar
        .locator('[data-segment]')
        .evaluateAll((els) =>
          Object.fromEntries(els.map((e) => [e.getAttribute('data-segment'), Number(e.getAttribute('data-value'))])),
        );
      expect([unit.unitCode, parts]).toEqual([
        unit.unitCode,
        Object.fromEntries(SEGMENTS.filter((k) => unit[k] > 0).map((k) => [k, unit[k]])),
      ]);
      const rate = unit.onTimeRate === null ? '—' : `${unit.onTimeRate.toLocaleString('vi-VN')}%`;
      expect(await bar.getByTestId('chart-rate').innerText()).toBe(rate);
    }
    // and the data covers every kind of part (March 2025 has nothing still within time today), the table the same totals, the picker the period
    expect(SEGMENTS.filter((k) => api.total[k] > 0)).toEqual(SEGMENTS.filter((k) => k !== 'inProgressOnTime'));
    expect(await page.getByTestId('total-received').innerText()).toBe(String(api.total.received));
    expect(await page.getByTestId('stats-from').inputValue()).toBe('2025-03-01');
    expect(errors).toEqual([]);
  });

  it('refreshes the stats page by itself when a dossier is received', async () => {
    // given the page open, refreshing every second
    const { page, errors } = await open('/thong-ke?refresh=1');
    await page.getByTestId('total-received').waitFor();
    const shown = Number(await page.getByTestId('total-received').innerText());
    // when a dossier is received at the desk
    const reception = await signIn(server, 'reception');
    await reception.post('/api/dossiers', HOUSEHOLD).expect(201);
    const api = (await request(server.url).get('/api/public/stats').expect(200)).body;
    // then the page shows the new total without a reload
    await page.waitForFunction(
      (total) => Number(document.querySelector('[data-testid="total-received"]')?.textContent) >= total,
      api.total.received,
      { timeout: 10_000 },
    );
    expect(api.total.received).toBeGreaterThan(shown);
    expect(errors).toEqual([]);
  });

  it.each([
    ['lookup on a phone', '/tra-cuu', { width: 360, height: 740 }],
    ['stats on a phone', '/thong-ke', { width: 360, height: 740 }],
    ['kiosk on a portrait tablet', '/kiosk', { width: 768, height: 1024 }],
  ])('fits the %s without sideways scrolling', async (name, path, viewport) => {
    // given
    const target = path === '/tra-cuu' ? `/tra-cuu?code=${dossier.code}&key=${dossier.lookupKey}` : path;
    // when
    const { page, errors, shot } = await open(target, viewport);
    await page.waitForLoadState('networkidle');
    await shot(name.replaceAll(' ', '-'));
    // then
    const overflow = await page.evaluate(
      () =>
        [...document.querySelectorAll('body *')].filter(
          (e) =>
            e.getBoundingClientRect().right > window.innerWidth + 1 &&
            !e.closest('.ant-table-content, .ant-picker-dropdown, [data-testid="stats-table"]'),
        ).length,
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    expect(overflow).toBe(0);
    // and the QR link's answer is brought into view, not left below the form
    if (path === '/tra-cuu')
      await page.waitForFunction(
        () =>
          document.querySelector('[data-testid="dossier-status"]')!.getBoundingClientRect().top <
          window.innerHeight / 2,
      );
    // and the kiosk's «Tra cứu» is on screen without scrolling
    if (path === '/kiosk')
      expect(
        await page.getByTestId('kiosk-search').evaluate((e) => e.getBoundingClientRect().bottom <= window.innerHeight),
      ).toBe(true);
    expect(errors).toEqual([]);
  });
});
