import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { completionVariables, readTaskForm } from '../../apps/web/src/pages/inbox/task-form';
import { formatDateTime } from '../../apps/web/src/pages/inbox/due-state';
import { launchChromium, signInOnPage } from '../support/browser';
import { startTestServer, type TestServer } from '../support/test-app';
import { call, eventually, openGroup, openModeler, importFile, PASSWORD, select, tokenOf } from './modeler.helpers';

/**
 * Desk actions drawn in the diagram (issue 16, ADR 0012), in the pages: the supplement step of the
 * construction permit opens the desk's "Yêu cầu bổ sung" dialog from the inbox, with the
 * procedure's documents to tick and the appraisal's opinion as the reason; the leader's apology
 * dialog offers working days; the modeler's panel has "Thao tác một cửa". Real server, Postgres,
 * Redis and Chromium. `SCREENSHOT_DIR=/tmp/shots` keeps the screenshots to look at.
 */
interface TaskJson {
  id: string;
  elementId: string;
  status: string;
  form: unknown;
}

describe('Thao tác một cửa trên sơ đồ (browser)', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  async function signIn(username: string): Promise<Page> {
    const context = await browser.newContext({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: 1366, height: 900 },
    });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    page.on('pageerror', (error) => pageErrors.push(`${username}: ${error.message}`));
    await signInOnPage(page, server.url, username, PASSWORD);
    return page;
  }

  const shot = async (page: Page, name: string) => {
    if (process.env.SCREENSHOT_DIR)
      await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/${name}.png`, fullPage: true });
  };

  async function openStep(username: string, code: string, elementId: string): Promise<TaskJson> {
    const token = await tokenOf(server.url, username);
    return eventually(async () => {
      const inbox = await call<{ items: TaskJson[] }>(
        server.url,
        `/api/tasks?q=${encodeURIComponent(code)}&limit=100`,
        { token },
      );
      return inbox.items.find((t) => t.elementId === elementId && t.status === 'open');
    });
  }

  /** Completes a step over the API with the outcome drawn in its form, as the inbox would. */
  async function completeStep(
    username: string,
    code: string,
    elementId: string,
    outcome?: string,
    note?: string,
  ): Promise<void> {
    const task = await openStep(username, code, elementId);
    const form = readTaskForm(task.form);
    const variables = completionVariables(form, outcome ? form.outcomes.find((o) => o.key === outcome) : undefined, {});
    // As the inbox sends it: the opinion beside the variables (issue 16).
    await call(server.url, `/api/tasks/${task.id}/complete`, {
      token: await tokenOf(server.url, username),
      method: 'POST',
      body: JSON.stringify({ variables, ...(note ? { opinion: note } : {}) }),
    });
  }

  it('the supplement step opens the desk dialog with the procedure documents and the opinion; then the leader apologises with a proposed working day', async () => {
    // given a construction permit whose appraisal asked for a supplement
    const received = await call<{ code: string }>(server.url, '/api/dossiers', {
      token: await tokenOf(server.url, 'reception'),
      method: 'POST',
      body: JSON.stringify({
        procedureCode: '1.009974',
        channel: 'direct',
        documents: ['don-de-nghi', 'gcn-qsdd', 'ban-ve'],
        applicant: { fullName: 'Phạm Thị Bổ Sung', idNumber: '066190007711', phone: '0905777111' },
      }),
    });
    const code = received.code;
    await completeStep('reception', code, 'Task_TiepNhan');
    await completeStep(
      'specialist.qldt',
      code,
      'Task_ThamDinh',
      'supplement',
      'Bản vẽ thiếu mặt cắt và mặt đứng công trình.',
    );
    const step = await openStep('reception', code, 'Task_BoSung');

    // when the desk finds the step in its inbox: it offers the desk action, not "Hoàn thành"
    const desk = await signIn('reception');
    await desk.getByTestId('inbox-search').locator('input').fill(code);
    await desk.getByTestId('inbox-search').locator('input').press('Enter');
    await desk.getByTestId(`task-row-${step.id}`).waitFor();
    expect(await desk.getByTestId(`complete-${step.id}`).count()).toBe(0);
    await shot(desk, 'deskact-inbox-step');
    await desk.getByTestId(`desk-action-${step.id}`).click();

    // then the dossier page opens the "Yêu cầu bổ sung" dialog: the procedure's documents to tick, the opinion as the reason
    await desk.waitForURL(`**/ho-so/${code}`);
    await desk.getByTestId('action-document-ban-ve').waitFor();
    expect(await desk.getByTestId('action-reason').inputValue()).toBe('Bản vẽ thiếu mặt cắt và mặt đứng công trình.');
    expect(await desk.locator('[data-testid^="action-document-"]').count()).toBe(3);
    await desk.getByTestId('action-document-ban-ve').check();
    await desk.getByTestId('action-other-documents').locator('input').fill('Bản vẽ mặt cắt tỷ lệ 1/100');
    await desk.getByTestId('action-other-documents').locator('input').press('Enter');
    await shot(desk, 'deskact-supplement-dialog');
    await desk.getByTestId('action-confirm').click();

    // then the dossier waits for the citizen, and the log names both documents
    await desk.getByTestId('dossier-status').getByText('Chờ bổ sung hồ sơ').waitFor();
    expect(await desk.getByTestId('dossier-event').last().textContent()).toContain(
      'Cần bổ sung: Bản vẽ thiết kế xây dựng; Bản vẽ mặt cắt tỷ lệ 1/100',
    );

    // when the citizen brings the drawings, the desk records it: the step is done and the appraisal resumes
    await desk.getByTestId('action-supplement-received').click();
    await desk.getByTestId('action-confirm').click();
    await desk.getByTestId('dossier-status').getByText('Đang giải quyết').waitFor();
    await openStep('specialist.qldt', code, 'Task_ThamDinh');

    // when the leader opens the apology dialog
    const leader = await signIn('leader');
    await leader.goto(`${server.url}/ho-so/${code}`);
    await leader.getByTestId('action-apology').click();
    // then it offers the next working days
    await leader.getByTestId('action-proposal-2').waitFor();
    const proposals = await call<{ proposals: { at: string }[] }>(
      server.url,
      `/api/dossiers/${code}/appointment-proposals`,
      { token: await tokenOf(server.url, 'leader') },
    );
    expect(await leader.getByTestId('action-proposal-2').textContent()).toContain(
      formatDateTime(proposals.proposals[1].at),
    );
    await leader.getByTestId('action-proposal-2').click();
    await leader
      .getByTestId('action-reason')
      .fill('Cần lấy ý kiến Phòng Tài nguyên và Môi trường về ranh giới thửa đất.');
    await shot(leader, 'deskact-apology-dialog');
    await leader.getByTestId('action-confirm').click();

    // then the appointment is the chosen working day
    await leader.getByTestId('dossier-appointment').getByText(formatDateTime(proposals.proposals[1].at)).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('the modeler panel picks the desk action of a user task and warns when the step is given to a role that cannot take it', async () => {
    // given the construction permit in the modeler
    const admin = await signIn('admin');
    await openModeler(admin, server.url);
    await importFile(
      admin,
      'cap-phep-xay-dung-nha-o.bpmn',
      readFileSync(join(__dirname, '../../processes/cap-phep-xay-dung-nha-o.bpmn'), 'utf8'),
    );

    // when the supplement step is selected
    await select(admin, 'Task_BoSung');
    await openGroup(admin, 'mc-desk-action');
    // then "Thao tác một cửa" shows its action
    expect(await admin.locator('#bio-properties-panel-mc-action').inputValue()).toBe('supplement');
    await admin.locator('#bio-properties-panel-mc-action').scrollIntoViewIfNeeded();
    await shot(admin, 'deskact-modeler-panel');

    // when the appraisal (a specialist's step) is made an apology
    await select(admin, 'Task_ThamDinh');
    await openGroup(admin, 'mc-desk-action');
    await admin.locator('#bio-properties-panel-mc-action').selectOption('apology');
    // then the modeler warns, in Vietnamese, that the leader takes that action
    const warning = admin.locator(
      '[data-testid="issue-warning"][data-code="DESK_ACTION_GROUPS"][data-element-id="Task_ThamDinh"]',
    );
    await warning.waitFor();
    expect(await warning.textContent()).toContain('Lãnh đạo đơn vị');
    await shot(admin, 'deskact-modeler-warning');
    expect(pageErrors).toEqual([]);
  });
});
