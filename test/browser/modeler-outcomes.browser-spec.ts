import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { startTestServer, type TestServer } from '../support/test-app';
import {
  call,
  deployFromPage,
  exportXml,
  importFile,
  logIn,
  mcAttributes,
  openGroup,
  openModeler,
  select,
  tokenOf,
} from './modeler.helpers';

jest.setTimeout(180_000);

/**
 * "Kết thúc hồ sơ" (issue 16, item 2; ADR 0011): an administrator marks an end event as a refusal
 * and picks where the citizen-facing reason comes from, in the properties panel; the modeler
 * refuses to deploy a refusal without a reason, with the message on the element. Screenshots go
 * to `SCREENSHOT_DIR` when it is set.
 */
describe('Kết thúc hồ sơ in the modeler (browser)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    page = await browser.newPage({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: 1440, height: 900 },
    });
    page.setDefaultTimeout(60_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await logIn(page, server.url);
    await openModeler(page, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const shot = async (name: string) => {
    if (process.env.SCREENSHOT_DIR)
      await page.screenshot({ path: join(process.env.SCREENSHOT_DIR, name), fullPage: false });
  };

  it("marks an end event as a refusal with the approver's reason, refuses a refusal without reason, and deploys what it shows", async () => {
    // given the shipped household-business procedure under a key of its own, its refusal end without the mark
    const key = `modeler_outcome_${Date.now()}`;
    const shipped = readFileSync(join(__dirname, '../../processes/dang-ky-ho-kinh-doanh.bpmn'), 'utf8');
    const xml = shipped
      .replaceAll('dang-ky-ho-kinh-doanh', key)
      .replace(' mc:outcome="rejected" mc:reason="rejectionReason"', '');
    await importFile(page, 'tu-choi.bpmn', xml);
    // the desk's hand-back step shows a refusal that nothing closes: a warning on it
    await page.locator('[data-testid="issue-badge-Task_TraTuChoi"][data-severity="warning"]').waitFor();

    // when the refusal end event is marked "Từ chối giải quyết" in the panel
    await select(page, 'EndEvent_TuChoi');
    await openGroup(page, 'mc-outcome');
    await page.locator('#bio-properties-panel-mc-outcome').selectOption('rejected');

    // then, with no reason yet, the error is on the element and Deploy is disabled
    await page.locator('[data-testid="issue-badge-EndEvent_TuChoi"][data-severity="error"]').waitFor();
    await page
      .locator('[data-testid="issue-error"][data-element-id="EndEvent_TuChoi"]', {
        hasText: 'Từ chối giải quyết phải có lý do gửi công dân',
      })
      .first()
      .waitFor();
    expect(await page.getByTestId('modeler-deploy').isDisabled()).toBe(true);
    await shot('modeler-outcome-missing-reason.png');

    // when the reason is picked among the fields of the process's forms
    const options = await page.locator('#bio-properties-panel-mc-reason option').allTextContents();
    expect(options).toContain(
      'Lý do từ chối (ghi trên Phiếu từ chối, gửi công dân) — bước "Lãnh đạo phòng phê duyệt" [rejectionReason]',
    );
    await page.locator('#bio-properties-panel-mc-reason').selectOption('rejectionReason');

    // then the errors and the warning are gone, and it deploys with both attributes
    await page.locator('[data-testid="issue-badge-EndEvent_TuChoi"]').waitFor({ state: 'detached' });
    await page.locator('[data-testid="issue-badge-Task_TraTuChoi"]').waitFor({ state: 'detached' });
    await shot('modeler-outcome-group.png');
    await deployFromPage(page);
    const admin = await tokenOf(server.url, 'admin');
    const deployed = await mcAttributes(
      await call<string>(server.url, `/api/definitions/${key}/xml`, { token: admin }),
    );
    expect(deployed.EndEvent_TuChoi).toEqual({ outcome: 'rejected', reason: 'rejectionReason' });
    expect((await mcAttributes(await exportXml(page))).EndEvent_TuChoi).toEqual({
      outcome: 'rejected',
      reason: 'rejectionReason',
    });

    // and a FEEL expression of its own can be written instead
    await page.locator('#bio-properties-panel-mc-reason').selectOption('__expression__');
    await page.locator('#bio-properties-panel-mc-reason-expression').fill('="Hồ sơ không thuộc thẩm quyền"');
    await page.locator('#bio-properties-panel-mc-reason-expression').blur();
    await page.waitForFunction(
      `window.bpmnModeler.get('elementRegistry').get('EndEvent_TuChoi').businessObject.get('mc:reason') === '="Hồ sơ không thuộc thẩm quyền"'`,
    );
    await shot('modeler-outcome-expression.png');
    expect(pageErrors).toEqual([]);
  });
});
