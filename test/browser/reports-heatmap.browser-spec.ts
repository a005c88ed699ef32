import { type Browser, type Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import {
  APRIL_MAY,
  EXPECTED,
  HEATMAP_UNIT,
  HO_TICH,
  insertHeatmapHistory,
  MARCH,
  removeHeatmapHistory,
} from '../e2e/heatmap.golden';
import { launchChromium } from '../support/browser';
import { startTestServer, type TestServer } from '../support/test-app';

/**
 * Bản đồ nhiệt quy trình (issue 19 item 5) on the golden history: March and April–May side by side,
 * each task of "Đăng ký khai sinh" coloured by its overdue rate, then by its median working time,
 * and its figures written under it. The colours expected here are the legend's bands, written out
 * by hand, for the hand-counted figures of heatmap.golden.ts.
 */
const PASSWORD = process.env.DEMO_PASSWORD ?? 'motcua-demo';
const GREEN = '#b7eb8f';
const YELLOW = '#fff566';
const ORANGE = '#ffc069';
const RED = '#ff7875';

const fillOf = (page: Page, side: string, id: string) =>
  page
    .getByTestId(`heatmap-${side}`)
    .locator(`[data-element-id="${id}"] .djs-visual > rect`)
    .first()
    .getAttribute('data-heat');
const overlayOf = (page: Page, side: string, id: string) =>
  page.getByTestId(`heatmap-${side}`).getByTestId(`heat-${id}`).textContent();

describe('Bản đồ nhiệt quy trình (browser)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    await insertHeatmapHistory(server.app.get(DataSource));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    if (server) await removeHeatmapHistory(server.app.get(DataSource));
    await server?.close();
  });

  it('colours each step of two periods side by side as its history says', async () => {
    const page = await browser.newPage({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: 1600, height: 1000 },
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // given the city leader on the reports page, the test unit picked, the heatmap on March and April–May
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill('leader');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/inbox');
    await page.goto(
      `${server.url}/bao-cao?heatmap=${HO_TICH}&a=${MARCH.from},${MARCH.to}&b=${APRIL_MAY.from},${APRIL_MAY.to}`,
    );
    await page.getByTestId('unit-picker').click();
    await page.keyboard.type(HEATMAP_UNIT.slice(0, 9));
    await page.locator('.ant-select-item-option', { hasText: HEATMAP_UNIT }).click();
    // when both diagrams are drawn
    await page.locator('[data-testid="heatmap-a"][data-ready="true"]').waitFor();
    await page.locator('[data-testid="heatmap-b"][data-ready="true"]').waitFor();
    await page
      .getByTestId('heatmap-totals-a')
      .filter({
        hasText: `${EXPECTED.marchTotals.completed} bước hoàn thành, ${EXPECTED.marchTotals.overdue} bước quá hạn`,
      })
      .waitFor();
    // then each task's colour is its overdue rate's band, and its figures are written under it
    await page.getByTestId('heatmap-a').getByTestId('heat-Task_GhiSo').filter({ hasText: '4 bước' }).waitFor();
    expect(await fillOf(page, 'a', 'Task_TiepNhan')).toBe(RED); // 2 of 3 late
    expect(await fillOf(page, 'a', 'Task_GhiSo')).toBe(RED); // 2 of 4
    expect(await fillOf(page, 'a', 'Task_KyGiayKhaiSinh')).toBe(GREEN); // 0 of 1
    expect(await overlayOf(page, 'a', 'Task_TiepNhan')).toBe('3 bước · TV 2 giờ · 66,67% quá hạn');
    expect(await overlayOf(page, 'a', 'Task_GhiSo')).toBe('4 bước · TV 4,5 giờ · 50% quá hạn');
    expect(await overlayOf(page, 'b', 'Task_TiepNhan')).toBe('2 bước · TV 1,5 giờ · 50% quá hạn');
    expect(await overlayOf(page, 'b', 'Task_GhiSo')).toBe('1 bước · TV 8 giờ · 100% quá hạn');
    expect(await overlayOf(page, 'b', 'Task_TraKetQua')).toBe('0 bước');
    expect(await fillOf(page, 'b', 'Task_TraKetQua')).toBe('#f0f0f0');
    // when the leader colours by median working time
    await page.getByTestId('heatmap-measure').getByText('Thời gian xử lý trung vị').click();
    // then 2 h and 0.5 h are green, 4.5 h yellow; in April–May 8 h is a working day: orange
    await page.getByTestId('heatmap-legend').getByText('Dưới 4 giờ làm việc').waitFor();
    expect(await fillOf(page, 'a', 'Task_TiepNhan')).toBe(GREEN);
    expect(await fillOf(page, 'a', 'Task_GhiSo')).toBe(YELLOW);
    expect(await fillOf(page, 'b', 'Task_GhiSo')).toBe(ORANGE);
    expect(await fillOf(page, 'b', 'Task_TiepNhan')).toBe(GREEN);
    if (process.env.SCREENSHOT_DIR)
      await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/heatmap.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
