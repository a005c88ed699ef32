import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium, signInOnPage } from '../support/browser';
import { startTestServer, type TestServer } from '../support/test-app';

/**
 * A dossier's whole life in the pages (issue 4, Must show): `reception` receives a household
 * business registration at /tiep-nhan and opens the receipt; `reception`, `specialist` and `head`
 * complete their steps in the inbox (found through its search by dossier code), the head with the
 * step's `mc:form` outcomes; the desk returns the result from the dossier page. Real server,
 * Postgres, Redis and Chromium. `SCREENSHOT_DIR=/tmp/shots` keeps screenshots to look at.
 */
const PASSWORD = process.env.DEMO_PASSWORD ?? 'motcua-demo';

interface TaskJson {
  id: string;
  elementId: string;
  status: string;
}

async function api<T>(server: TestServer, path: string, token?: string): Promise<T> {
  const response = await fetch(`${server.url}${path}`, {
    headers: { Accept: 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
  });
  if (!response.ok) throw new Error(`GET ${path} → ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function tokenOf(server: TestServer, username: string): Promise<string> {
  const response = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  return ((await response.json()) as { accessToken: string }).accessToken;
}

describe('Vòng đời hồ sơ (browser): tiếp nhận → hộp công việc → trả kết quả', () => {
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

  /** A fresh session of `username`, signed in through the login page. */
  async function signIn(username: string): Promise<Page> {
    const context = await browser.newContext({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: 1366, height: 900 },
    });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${username}: ${error.message}`));
    await signInOnPage(page, server.url, username, PASSWORD);
    return page;
  }

  const shot = async (page: Page, name: string) => {
    if (process.env.SCREENSHOT_DIR)
      await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/${name}.png`, fullPage: true });
  };

  /** The open step of the dossier at `elementId`, as `username` sees it over the API. */
  async function openStep(username: string, code: string, elementId: string): Promise<TaskJson> {
    const page = await api<{ items: TaskJson[] }>(
      server,
      `/api/tasks?q=${encodeURIComponent(code)}&limit=100`,
      await tokenOf(server, username),
    );
    const task = page.items.find((t) => t.elementId === elementId && t.status === 'open');
    if (!task) throw new Error(`${username} does not see ${elementId} of ${code}`);
    return task;
  }

  /** Finds the step in the inbox by the dossier code, claims it and opens Hoàn thành. */
  async function openCompletion(page: Page, code: string, task: TaskJson): Promise<void> {
    await page.getByTestId('inbox-search').locator('input').fill(code);
    await page.getByTestId('inbox-search').locator('input').press('Enter');
    await page.getByTestId(`task-row-${task.id}`).waitFor();
    await page.getByTestId(`claim-${task.id}`).click();
    await page.getByTestId(`unclaim-${task.id}`).waitFor();
    await page.getByTestId(`complete-${task.id}`).click();
  }

  async function confirmCompletion(page: Page, task: TaskJson): Promise<void> {
    await page.getByTestId('complete-confirm').click();
    await page.getByTestId(`task-row-${task.id}`).waitFor({ state: 'detached' });
  }

  it('is received, processed by each officer in the inbox and returned at the desk', async () => {
    const applicantName = `Nguyễn Thị Hồng Nhung ${Date.now() % 100_000}`;

    // given reception receives a household business dossier at /tiep-nhan
    const desk = await signIn('reception');
    await desk.getByRole('link', { name: 'Tiếp nhận hồ sơ' }).click();
    await desk.getByTestId('procedure-select').click();
    await desk.keyboard.type('hộ kinh doanh');
    await desk.locator('.ant-select-item-option', { hasText: '1.001612' }).click();
    await desk.getByTestId('applicant-fullName').fill(applicantName);
    await desk.getByTestId('applicant-idNumber').fill('066190004321');
    await desk.getByTestId('applicant-phone').fill('0905123456');
    await desk.getByTestId('receive').click();
    const code = ((await desk.getByTestId('dossier-code').textContent({ timeout: 15_000 })) ?? '').trim();
    expect(code).toMatch(/^000\.00\.20\.H15-\d{6}-\d{4}$/);
    // and opens the receipt, a PDF in a new tab
    const [receipt] = await Promise.all([
      desk.context().waitForEvent('page'),
      desk.getByTestId('print-receipt').click(),
    ]);
    await receipt.waitForURL(/^blob:/, { timeout: 15_000 });
    await receipt.close();

    // when the desk forwards the file: a step whose form has no outcome, only a note
    await desk.getByRole('link', { name: 'Hộp công việc' }).click();
    const first = await openStep('reception', code, 'Task_TiepNhan');
    await openCompletion(desk, code, first);
    expect(await desk.getByTestId('outcome-approved').count()).toBe(0);
    await desk.getByTestId('complete-note').fill('Hồ sơ đủ thành phần, chuyển chuyên viên.');
    await confirmCompletion(desk, first);

    // and the specialist appraises it
    const specialist = await signIn('specialist');
    const appraisal = await openStep('specialist', code, 'Task_ThamDinh');
    await openCompletion(specialist, code, appraisal);
    // the appraisal's outcomes: on to the approval, or a supplement request (the drawn desk step)
    await specialist.getByTestId('outcome-supplement').waitFor();
    await specialist.getByTestId('outcome-approved').click();
    await specialist.getByTestId('complete-note').fill('Đủ điều kiện đăng ký, đề nghị phê duyệt.');
    await confirmCompletion(specialist, appraisal);

    // and the desk looks the dossier up in Hồ sơ by the applicant's name, while it is being processed
    await desk.getByRole('link', { name: 'Hồ sơ', exact: true }).click();
    await desk.getByTestId('dossier-search').locator('input').fill(applicantName);
    await desk.getByTestId('dossier-search').locator('input').press('Enter');
    await desk.getByTestId(`dossier-row-${code}`).getByRole('link', { name: code }).click();
    await desk.waitForURL(`**/ho-so/${code}`);
    await desk.getByTestId('dossier-status').getByText('Đang giải quyết').waitFor();

    // and the head sees the step's own outcomes: Duyệt, Trả lại xử lý lại, Không đồng ý cấp
    const head = await signIn('head');
    const approval = await openStep('head', code, 'Task_PheDuyet');
    await openCompletion(head, code, approval);
    const modal = head.getByRole('dialog');
    expect(await modal.textContent()).toMatch(/Duyệt.*Trả lại xử lý lại.*Không đồng ý cấp/);
    // sending it back needs a reason: the form says so and sends nothing, even when the click on
    // confirm is handled before the page re-rendered after the outcome's (a busy browser runs
    // queued clicks first: issue 15, this step failed once by chance)
    await head.evaluate(() => {
      document.querySelector<HTMLElement>('[data-testid="outcome-rework"]')!.click();
      document.querySelector<HTMLElement>('[data-testid="complete-confirm"]')!.click();
    });
    await modal.getByText('Vui lòng nhập ý kiến phê duyệt / lý do').waitFor({ timeout: 10_000 });
    expect((await openStep('head', code, 'Task_PheDuyet')).id).toBe(approval.id);
    await shot(head, 'lifecycle-completion-form');
    // the citizen-facing reason of a refusal shows with the refusal only, required (ADR 0011)
    expect(await modal.getByTestId('field-rejectionReason').count()).toBe(0);
    await head.getByTestId('outcome-rejected').click();
    await modal.getByText('Lý do từ chối (ghi trên Phiếu từ chối, gửi công dân) (bắt buộc)').waitFor();
    await shot(head, 'lifecycle-completion-refusal');
    // then the head approves
    await head.getByTestId('outcome-approved').click();
    await modal.getByTestId('field-rejectionReason').waitFor({ state: 'detached' });
    await head.getByTestId('complete-note').fill('Đồng ý cấp giấy chứng nhận.');
    await confirmCompletion(head, approval);

    // when the desk, on the page it opened before, asks for a supplement the dossier no longer allows
    await desk.getByTestId('action-supplement-request').click();
    await desk.getByTestId('action-reason').fill('Bổ sung bản sao sổ hộ khẩu.');
    await desk.getByTestId('action-confirm').click();
    // then the server refuses and the page says why, in Vietnamese
    expect(await desk.getByTestId('action-error').textContent()).toContain(
      'Không thể thực hiện thao tác này ở trạng thái hiện tại của hồ sơ',
    );
    await desk.getByRole('button', { name: 'Hủy' }).click();
    // and the page has caught up: the result is ready
    await desk.getByTestId('dossier-status').getByText('Đã có kết quả, chờ trả').waitFor();

    // then the desk opens the dossier from its inbox: the result is ready
    await desk.getByRole('link', { name: 'Hộp công việc' }).click();
    await desk.getByTestId('inbox-search').locator('input').fill(code);
    await desk.getByTestId('inbox-search').locator('input').press('Enter');
    const resultStep = await openStep('reception', code, 'Task_TraKetQua');
    await desk.getByTestId(`task-row-${resultStep.id}`).waitFor();
    await desk.getByTestId(`dossier-link-${code}`).click();
    await desk.waitForURL(`**/ho-so/${code}`);
    await desk.getByText('Đã có kết quả, chờ trả').waitFor();
    expect(await desk.getByTestId('handover-row').count()).toBe(4);

    // when the desk hands the result over from the dossier page
    await desk.getByTestId('action-return').click();
    await desk.getByTestId('action-note').fill('Công dân đã nhận giấy chứng nhận.');
    await desk.getByTestId('action-confirm').click();

    // then the page shows it returned, with the control slip and the desk's log
    await desk.getByTestId('dossier-status').getByText('Đã trả kết quả').waitFor();
    expect(await desk.getByTestId('action-return').count()).toBe(0);
    expect(await desk.getByTestId('dossier-event').allTextContents()).toEqual([
      expect.stringContaining('Tiếp nhận hồ sơ'),
      expect.stringContaining('Công dân đã nhận giấy chứng nhận.'),
    ]);
    await shot(desk, 'lifecycle-dossier-returned');

    // and over the API: returned, each step done by its officer, the instance ended with the head's outcome
    const token = await tokenOf(server, 'reception');
    const dossier = await api<{
      status: string;
      instanceId: string;
      history: { to: { user: string | null }; result: string | null }[];
    }>(server, `/api/dossiers/${code}`, token);
    expect(dossier.status).toBe('returned');
    // the desk's return closes the head's handover: every row is rated
    expect(dossier.history.map((row) => row.to.user)).toEqual(['reception', 'specialist', 'head', 'reception']);
    expect(dossier.history.every((row) => row.result !== null)).toBe(true);
    const instance = await api<{ status: string; variables: Record<string, unknown> }>(
      server,
      `/api/instances/${dossier.instanceId}`,
      await tokenOf(server, 'admin'),
    );
    expect(instance.status).toBe('completed');
    expect(instance.variables).toMatchObject({
      outcome: 'approved',
      approved: true,
      note: 'Đồng ý cấp giấy chứng nhận.',
    });
    // and the staff list finds it by the applicant's name
    const list = await api<{ items: { code: string; status: string }[] }>(
      server,
      `/api/dossiers?q=${encodeURIComponent(applicantName)}`,
      token,
    );
    expect(list.items).toEqual([expect.objectContaining({ code, status: 'returned' })]);
    expect(pageErrors).toEqual([]);
  });

  it('asks for a supplement from the dossier page, prints Form 02, and resumes when it arrives', async () => {
    // given a dossier received over the API
    const response = await fetch(`${server.url}/api/dossiers`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await tokenOf(server, 'reception')}` },
      body: JSON.stringify({
        procedureCode: '1.001612',
        channel: 'direct',
        applicant: { fullName: 'Trần Văn Bổ Sung', idNumber: '066190005566', phone: '0905123457' },
        documents: ['giay-de-nghi', 'giay-to-phap-ly'],
      }),
    });
    const { code } = (await response.json()) as { code: string };

    // when the desk opens it and asks for a supplement, naming the missing document
    const desk = await signIn('reception');
    await desk.goto(`${server.url}/ho-so/${code}`);
    await desk.getByTestId('action-supplement-request').click();
    await desk.getByTestId('action-reason').fill('Bổ sung bản sao có chứng thực giấy tờ pháp lý.');
    await desk.getByTestId('action-document-giay-to-phap-ly').check();
    await shot(desk, 'lifecycle-supplement-modal');
    await desk.getByTestId('action-confirm').click();

    // then the dossier waits for the citizen, the log says what is missing, and Form 02 prints
    await desk.getByTestId('dossier-status').getByText('Chờ bổ sung hồ sơ').waitFor();
    expect(await desk.getByTestId('dossier-event').last().textContent()).toMatch(
      /Yêu cầu bổ sung.*Bổ sung bản sao có chứng thực.*Cần bổ sung: Bản sao giấy tờ pháp lý/,
    );
    const [form02] = await Promise.all([desk.context().waitForEvent('page'), desk.getByTestId('print-02').click()]);
    await form02.waitForURL(/^blob:/, { timeout: 15_000 });
    await form02.close();

    // when the citizen brings it
    await desk.getByTestId('action-supplement-received').click();
    await desk.getByTestId('action-confirm').click();
    // then the dossier is back at its step
    await desk.getByTestId('dossier-status').getByText('Đã tiếp nhận').waitFor();
    const dossier = await api<{ status: string; events: { type: string }[] }>(
      server,
      `/api/dossiers/${code}`,
      await tokenOf(server, 'reception'),
    );
    expect([dossier.status, dossier.events.map((e) => e.type)]).toEqual([
      'received',
      ['received', 'supplement-request', 'supplement-received'],
    ]);
    expect(pageErrors).toEqual([]);
  });
});
