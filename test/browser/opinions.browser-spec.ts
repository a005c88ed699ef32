import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium, signInOnPage } from '../support/browser';
import { startTestServer, type TestServer } from '../support/test-app';

/**
 * Issue 16, Must show: a specialist writes an opinion with an attachment in the completion
 * dialog; the head sees it when completing the next step (newest first, with author, unit and
 * the file); `pdftotext` of Form 05 holds it. Real server, Postgres, Redis, Chromium and poppler.
 * `SCREENSHOT_DIR=/tmp/shots` keeps screenshots and Form 05 as a PNG to look at.
 */
const PASSWORD = process.env.DEMO_PASSWORD ?? 'motcua-demo';

interface TaskJson {
  id: string;
  elementId: string;
  status: string;
}

async function call<T>(server: TestServer, path: string, token: string, body?: object): Promise<T> {
  const response = await fetch(`${server.url}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: {
      Accept: 'application/json',
      Authorization: `Bearer ${token}`,
      ...(body ? { 'Content-Type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${path} → ${response.status} ${await response.text()}`);
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

/** A small real PDF (one page of text), as a scanner or a word processor would write it. */
function minimalPdf(text: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length + 30} >>\nstream\nBT /F1 18 Tf 72 760 Td (${text}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

describe('Ý kiến xử lý (browser): chuyên viên ghi ý kiến kèm tệp, lãnh đạo phòng thấy khi hoàn thành, Mẫu 05 in ra', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'motcua-opinions-'));

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
    page.on('pageerror', (error) => pageErrors.push(`${username}: ${error.message}`));
    await signInOnPage(page, server.url, username, PASSWORD);
    return page;
  }

  const shot = async (page: Page, name: string) => {
    if (process.env.SCREENSHOT_DIR)
      await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/${name}.png`, fullPage: true });
  };

  async function openStep(username: string, code: string, elementId: string): Promise<TaskJson> {
    const page = await call<{ items: TaskJson[] }>(
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

  it("shows the specialist's opinion and file to the head, and prints it on Form 05", async () => {
    const run = String(Date.now() % 100_000);
    const opinion = `Đủ điều kiện đăng ký hộ kinh doanh, tên không trùng (lần ${run}).`;
    const fileName = `bien-ban-tham-dinh-${run}.pdf`;
    writeFileSync(join(dir, fileName), minimalPdf(`Bien ban tham dinh ${run}`));

    // given a household-business dossier the desk has forwarded with its own opinion
    const deskToken = await tokenOf(server, 'reception');
    const { code } = await call<{ code: string }>(server, '/api/dossiers', deskToken, {
      procedureCode: '1.001612',
      channel: 'direct',
      documents: ['giay-de-nghi', 'giay-to-phap-ly'],
      applicant: { fullName: 'Phạm Thị Ý Kiến', idNumber: '066190006789', phone: '0905123499' },
    });
    const forward = await openStep('reception', code, 'Task_TiepNhan');
    await call(server, `/api/tasks/${forward.id}/complete`, deskToken, {
      variables: {},
      opinion: 'Hồ sơ đủ thành phần, chuyển chuyên viên.',
    });

    // when the specialist completes the appraisal with an opinion and a PDF attached
    const specialist = await signIn('specialist');
    const appraisal = await openStep('specialist', code, 'Task_ThamDinh');
    await openCompletion(specialist, code, appraisal);
    const dialog = specialist.getByRole('dialog');
    // the desk's opinion is already there for the specialist
    await dialog.getByTestId('opinion-text').getByText('Hồ sơ đủ thành phần, chuyển chuyên viên.').waitFor();
    await dialog.getByTestId('outcome-approved').click();
    await dialog.getByTestId('complete-note').fill(opinion);
    await dialog.getByTestId('file-input').setInputFiles(join(dir, fileName));
    await dialog.getByTestId('attached-file').getByText(fileName).waitFor({ timeout: 15_000 });
    await shot(specialist, 'opinions-specialist-dialog');
    await dialog.getByTestId('complete-confirm').click();
    await specialist.getByTestId(`task-row-${appraisal.id}`).waitFor({ state: 'detached' });

    // then the head, opening the approval, sees both opinions, the specialist's first, with the file
    const head = await signIn('head');
    const approval = await openStep('head', code, 'Task_PheDuyet');
    await openCompletion(head, code, approval);
    const headDialog = head.getByRole('dialog');
    await headDialog.getByTestId('opinion-item').first().waitFor();
    const items = await headDialog.getByTestId('opinion-item').allTextContents();
    expect(items).toHaveLength(2);
    expect(items[0]).toContain(opinion);
    expect(items[0]).toContain(fileName);
    expect(items[0]).toContain('Thẩm định hồ sơ, dự thảo giấy chứng nhận');
    expect(items[1]).toContain('Hồ sơ đủ thành phần, chuyển chuyên viên.');
    expect(await headDialog.getByTestId('earlier-opinions').textContent()).toContain('Ý kiến các bước trước (2)');
    await shot(head, 'opinions-head-dialog');
    // and the attached file downloads from the dialog, byte for byte what was uploaded
    const [download] = await Promise.all([
      head.waitForEvent('download'),
      headDialog.getByTestId('opinion-attachment').first().click(),
    ]);
    expect(download.suggestedFilename()).toBe(fileName);
    await head.getByTestId('outcome-approved').click();
    await headDialog.getByTestId('complete-note').fill('Đồng ý cấp giấy chứng nhận.');
    await headDialog.getByTestId('complete-confirm').click();
    await head.getByTestId(`task-row-${approval.id}`).waitFor({ state: 'detached' });

    // and the dossier page lists the opinions
    await head.goto(`${server.url}/ho-so/${code}`);
    await head.getByTestId('dossier-opinions').getByText(opinion).waitFor();
    await shot(head, 'opinions-dossier-page');

    // and Form 05, read back by poppler's pdftotext, carries the opinion and the file's name
    const response = await fetch(`${server.url}/api/dossiers/${code}/control-slip.pdf`, {
      headers: { Authorization: `Bearer ${deskToken}` },
    });
    expect(response.status).toBe(200);
    const pdfPath = join(dir, 'control-slip.pdf');
    writeFileSync(pdfPath, Buffer.from(await response.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Ý kiến xử lý');
    expect(text).toContain(`(lần ${run})`);
    expect(execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')).toContain(opinion);
    expect(text).toContain('Đồng ý cấp giấy chứng nhận.');
    if (process.env.SCREENSHOT_DIR)
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '80',
        '-f',
        '1',
        '-l',
        '1',
        '-singlefile',
        pdfPath,
        join(process.env.SCREENSHOT_DIR, 'opinions-form05'),
      ]);
    expect(pageErrors).toEqual([]);
  });
});
