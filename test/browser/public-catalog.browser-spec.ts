import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { startTestServer, type TestServer } from '../support/test-app';

const HOUSEHOLD = '1.001612';
const PHONE = { width: 390, height: 844 };

/**
 * Issue 18 item 1, on a phone (390×844): a citizen finds household business registration by typing
 * "ho kinh doanh" without accents, opens it, reads the fee, the legal time, the documents and where
 * to go, downloads the blank form and sees «Nộp trực tuyến». `SCREENSHOT_DIR=/tmp/shots` keeps
 * screenshots.
 */
describe('Thủ tục hành chính: the public catalog (browser)', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startTestServer({ runWorkers: false });
    browser = await launchChromium();
    context = await browser.newContext({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: PHONE,
      acceptDownloads: true,
    });
    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const shot = async (name: string) => {
    if (process.env.SCREENSHOT_DIR)
      await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/${name}.png`, fullPage: true });
  };
  const noSidewaysScroll = async () =>
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

  it('finds "hộ kinh doanh" by "ho kinh doanh", opens it and shows fee, legal time, documents, where to go, the form and «Nộp trực tuyến»', async () => {
    // given the catalog, reached from the shared header
    await page.goto(`${server.url}/tra-cuu`);
    await page.getByTestId('public-header').getByRole('link', { name: 'Thủ tục' }).click();
    await page.waitForURL('**/thu-tuc');
    await page.getByTestId('catalog-list').waitFor();
    // when the citizen types without accents and searches
    await page.getByTestId('catalog-q').fill('ho kinh doanh');
    await page.getByTestId('catalog-search').click();
    await page.waitForURL(/q=ho(\+|%20)kinh(\+|%20)doanh/);
    const item = page.getByTestId(`catalog-item-${HOUSEHOLD}`);
    await item.waitFor();
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="catalog-count"]')?.textContent?.includes('đang'),
    );
    await shot('thu-tuc-search-phone');
    // then the procedure is found, with its legal time, fee and the online badge; nothing without "hộ kinh doanh"
    expect(await item.innerText()).toContain('Đăng ký thành lập hộ kinh doanh');
    expect(await item.innerText()).toContain('3 ngày làm việc');
    expect(await item.innerText()).toContain('100.000 đồng');
    expect(await item.innerText()).toContain('Nộp trực tuyến');
    expect(await page.getByTestId('catalog-list').locator('li').allInnerTexts()).not.toContainEqual(
      expect.stringContaining('khai sinh'),
    );
    await noSidewaysScroll();

    // when the citizen opens it
    await item.getByRole('link').click();
    await page.waitForURL(`**/thu-tuc/${HOUSEHOLD}`);
    await page.getByTestId('procedure-fee').waitFor();
    await shot('thu-tuc-detail-phone');
    // then the page states the legal time in working days, the fee the Vietnamese way, the documents and where to go
    expect(await page.getByTestId('procedure-name').innerText()).toBe('Đăng ký thành lập hộ kinh doanh');
    expect(await page.getByTestId('procedure-legal-time').innerText()).toContain('3 ngày làm việc');
    expect(await page.getByTestId('procedure-fee').innerText()).toContain('100.000 đồng');
    const documents = await page.getByTestId('procedure-documents').innerText();
    expect(documents).toContain('Giấy đề nghị đăng ký hộ kinh doanh');
    expect(documents).toContain('Bản chính');
    expect(documents).toContain('Bắt buộc');
    expect(documents).toContain('Không bắt buộc');
    const unit = await page.getByTestId('procedure-unit').innerText();
    expect(unit).toContain('UBND thành phố Buôn Ma Thuột');
    expect(await page.getByTestId('procedure-hours').innerText()).toContain('07:00 – 11:30, 13:30 – 17:00');
    // «Nộp trực tuyến» leads to the online submission, «Tra cứu hồ sơ» to the lookup
    expect(await page.getByTestId('procedure-submit-online').innerText()).toBe('Nộp trực tuyến');
    expect(await page.getByTestId('procedure-submit-online').getAttribute('href')).toBe(`/nop-ho-so/${HOUSEHOLD}`);
    expect(await page.getByTestId('procedure-lookup').getAttribute('href')).toBe('/tra-cuu');
    await noSidewaysScroll();

    // when the citizen downloads the blank form
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('procedure-forms').getByRole('link').first().click(),
    ]);
    // then it is the household business application form
    expect(download.suggestedFilename()).toBe('giay-de-nghi-dang-ky-ho-kinh-doanh.html');
    expect(await readFile((await download.path())!, 'utf8')).toContain('Giấy đề nghị đăng ký hộ kinh doanh');
    expect(errors).toEqual([]);
  });

  it("fetches the catalog's JSON once, preloaded with the page (Link header), and the page uses it", async () => {
    // given a fresh phone (nothing cached) opening a shared search link
    const fresh = await browser.newContext({ locale: 'vi-VN', viewport: PHONE });
    const tab = await fresh.newPage();
    const requests: string[] = [];
    const warnings: string[] = [];
    tab.on(
      'request',
      (r) => r.url().includes('/api/') && requests.push(new URL(r.url()).pathname + new URL(r.url()).search),
    );
    tab.on('console', (m) => m.type() !== 'log' && warnings.push(m.text()));
    // when
    const response = await tab.goto(`${server.url}/thu-tuc?q=ho%20kinh%20doanh&level=district`);
    await tab.getByTestId(`catalog-item-${HOUSEHOLD}`).waitFor();
    await tab.waitForLoadState('networkidle');
    // then the document announced the request, the browser made it once, and no "preloaded but not used" warning
    expect(response!.headers()['link']).toBe(
      '</api/procedures?q=ho+kinh+doanh&level=district&limit=200>; rel=preload; as=fetch; crossorigin',
    );
    expect(requests).toEqual(['/api/procedures?q=ho+kinh+doanh&level=district&limit=200']);
    await tab.waitForTimeout(3500); // Chromium warns about an unused preload after 3 s
    expect(warnings).toEqual([]);
    await fresh.close();
  });

  it('filters by field; a procedure not taken online has no «Nộp trực tuyến»; an unknown code says so in Vietnamese', async () => {
    // when the citizen picks the field "Hộ tịch"
    await page.goto(`${server.url}/thu-tuc`);
    await page.getByTestId('catalog-list').waitFor();
    const option = page.getByTestId('catalog-field').locator('option', { hasText: 'Hộ tịch' });
    await page.getByTestId('catalog-field').selectOption((await option.getAttribute('value'))!);
    await page.waitForURL(/field=/);
    await page.getByTestId('catalog-item-1.001193').waitFor();
    // then only that field's procedures are listed
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="catalog-count"]')?.textContent?.includes('đang'),
    );
    expect(await page.getByTestId(`catalog-item-${HOUSEHOLD}`).count()).toBe(0);
    await shot('thu-tuc-field-phone');

    // the land certificate is taken at the desk and by post only
    await page.goto(`${server.url}/thu-tuc/1.004227`);
    await page.getByTestId('procedure-fee').waitFor();
    expect(await page.getByTestId('procedure-submit-online').count()).toBe(0);
    expect(await page.getByTestId('procedure-lookup').count()).toBe(1);

    await page.goto(`${server.url}/thu-tuc/9.999999`);
    expect(await page.getByTestId('procedure-error').innerText()).toBe(
      'Không tìm thấy thủ tục này trong danh mục đã công bố.',
    );
    expect(errors).toEqual([]);
  });
});
