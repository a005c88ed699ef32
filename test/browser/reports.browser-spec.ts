import ExcelJS from 'exceljs';
import { type Browser } from 'playwright-core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { launchChromium } from '../support/browser';
import { startTestServer, type TestServer } from '../support/test-app';
import { insertGolden, PERIOD_A } from '../e2e/reports.golden';

/**
 * The leader's dashboard on the golden dataset: cards, charts, the overdue list with its links to
 * the dossiers, the II.06a table, the unit picker and the XLSX download.
 * `SCREENSHOT_DIR=/tmp/shots` keeps screenshots.
 */
const PASSWORD = process.env.DEMO_PASSWORD ?? 'motcua-demo';

describe('Báo cáo (browser)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    await insertGolden(server.app.get(DataSource));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the city leader opens the dashboard, filters by unit, downloads the XLSX', async () => {
    const page = await browser.newPage({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // given the city leader, logged in
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill('leader');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/inbox');
    // when the leader opens Báo cáo on March 2025
    await page.getByRole('link', { name: 'Báo cáo' }).click();
    await page.goto(`${server.url}/bao-cao?from=${PERIOD_A.from}&to=${PERIOD_A.to}`);
    // then the table and the overdue list show the golden dossiers
    const summary = page.getByTestId('summary-table');
    await summary.getByText('Tổng cộng').waitFor();
    await page.getByTestId('overdue-table').getByText('GOLD-H3').waitFor();
    await expect(summary.locator('tr', { hasText: 'Tổng cộng' }).locator('td').nth(2).textContent()).resolves.toBe(
      '30',
    );
    // and the cards, the weekly trend (six weeks meet March) and the bars by unit and by procedure
    await expect(page.getByTestId('card-on-time').textContent()).resolves.toContain('71.4'); // (5 early + 5 on time) / 14 resolved
    await page.getByTestId('trend-chart').locator('[data-series="received"] circle').nth(5).waitFor();
    await expect(page.getByTestId('trend-chart').locator('[data-series="received"] circle').count()).resolves.toBe(6);
    await expect(
      page
        .getByTestId('bars-unit')
        .locator('[data-key]')
        .evaluateAll((bars) => bars.map((b) => b.getAttribute('data-key'))),
    ).resolves.toEqual(expect.arrayContaining(['000.00.20.H15', '000.20.20.H15']));
    await expect(page.getByTestId('bars-procedure').locator('[data-key="1.001612"]').textContent()).resolves.toContain(
      '7 hồ sơ',
    );
    await expect(
      page.getByTestId('overdue-table').getByRole('link', { name: 'GOLD-H3', exact: true }).getAttribute('href'),
    ).resolves.toBe('/ho-so/GOLD-H3');
    if (process.env.SCREENSHOT_DIR)
      await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/reports-city.png`, fullPage: true });

    // when the leader picks the ward of Tân Lợi
    await page.getByTestId('unit-picker').click();
    await page.keyboard.type('000.20.20');
    await page.locator('.ant-select-item-option', { hasText: '000.20.20.H15' }).click();
    // then the totals are the ward's (6 dossiers in March)
    await summary.locator('tr', { hasText: 'Tổng cộng' }).locator('td').nth(2).filter({ hasText: /^6$/ }).waitFor();
    await expect(page.getByTestId('overdue-table').getByText('GOLD-K1', { exact: true }).count()).resolves.toBe(0);

    // when the leader exports the table
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
    // then the workbook holds the ward's totals
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    const sheet = book.worksheets[0];
    const last = (sheet.getRow(sheet.rowCount).values as unknown[]).slice(1);
    expect(download.suggestedFilename()).toBe(`bieu-II.06a-000.20.20.H15-${PERIOD_A.from}-${PERIOD_A.to}.xlsx`);
    expect(last.slice(1, 3)).toEqual(['Tổng cộng', 6]);
    // and prints it as PDF
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-pdf').click()]);
    expect(pdf.suggestedFilename()).toBe(`bieu-II.06a-000.20.20.H15-${PERIOD_A.from}-${PERIOD_A.to}.pdf`);
    if (process.env.SCREENSHOT_DIR)
      await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/reports-ward.png`, fullPage: true });

    // when the leader drills down into an overdue dossier of the ward
    await page.getByTestId('overdue-table').getByRole('link', { name: 'GOLD-H3', exact: true }).click();
    // then its page opens
    await page.waitForURL('**/ho-so/GOLD-H3');
    expect(pageErrors).toEqual([]);
  });

  async function leaderOn(width: number, today?: string) {
    const context = await browser.newContext({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width, height: 800 },
    });
    if (today) await context.clock.setFixedTime(new Date(today));
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill('leader');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/inbox');
    return page;
  }

  it('opens the periodic report on the current half-year (issue 19 item 6: it always showed the first half)', async () => {
    for (const [today, half] of [
      ['2026-03-15T09:00:00+07:00', '6 tháng đầu năm'],
      ['2026-12-07T09:00:00+07:00', '6 tháng cuối năm'],
      ['2026-06-30T23:30:00+07:00', '6 tháng đầu năm'],
      ['2026-06-30T17:30:00Z', '6 tháng cuối năm'],
    ] as const) {
      // given a leader whose computer says `today` (the last one is already 1 July in Vietnam)
      const page = await leaderOn(1440, today);
      // when they open Báo cáo, then the periodic report shows the half-year of today, in Vietnam
      await page.getByRole('link', { name: 'Báo cáo' }).click();
      await page.getByTestId('periodic-half').waitFor();
      expect([today, await page.getByTestId('periodic-half').textContent()]).toEqual([today, half]);
      await page.context().close();
    }
  });

  it('fits the II.06a table and the dossier list in a 1366 px screen without a horizontal scroll (issue 19 item 6)', async () => {
    const page = await leaderOn(1366);
    const overflow = (testId: string) =>
      page.getByTestId(testId).evaluate((el) => {
        const body = el.querySelector('.ant-table-content, .ant-table-body') ?? el;
        return { scroll: body.scrollWidth, visible: body.clientWidth, page: document.documentElement.scrollWidth };
      });
    // when the leader opens the II.06a table on a 1366 px screen, then no column is cut off
    await page.goto(`${server.url}/bao-cao?from=${PERIOD_A.from}&to=${PERIOD_A.to}`);
    await page.getByTestId('summary-table').getByText('Tổng cộng').waitFor();
    if (process.env.SCREENSHOT_DIR)
      await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/reports-1366.png`, fullPage: true });
    const summary = await overflow('summary-table');
    expect(summary.scroll).toBeLessThanOrEqual(summary.visible + 1);
    expect(summary.page).toBeLessThanOrEqual(1366);
    // and the dossier list fits too
    // (the golden dossiers have no status projection, which the list joins: receive a real one at the desk)
    const token = (
      await request(server.url).post('/api/auth/login').send({ username: 'reception', password: PASSWORD }).expect(200)
    ).body.accessToken as string;
    await request(server.url)
      .post('/api/dossiers')
      .set('Authorization', `Bearer ${token}`)
      .send({
        procedureCode: '1.001612',
        channel: 'direct',
        applicant: {
          fullName: 'Nguyễn Thị Bảy Mươi Hai Ký Tự Để Thử Cột Người Nộp',
          idNumber: '066190005566',
          phone: '0905123457',
        },
        documents: ['giay-de-nghi', 'giay-to-phap-ly'],
      })
      .expect(201);
    await page.getByRole('link', { name: 'Hồ sơ', exact: true }).click();
    await page.getByTestId('dossier-table').locator('tbody tr.ant-table-row').first().waitFor();
    if (process.env.SCREENSHOT_DIR)
      await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/dossiers-1366.png`, fullPage: true });
    const list = await overflow('dossier-table');
    expect(list.scroll).toBeLessThanOrEqual(list.visible + 1);
    expect(list.page).toBeLessThanOrEqual(1366);
    await page.context().close();
  });
});
