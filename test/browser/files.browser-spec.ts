import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PNG } from 'pngjs';
import supertest from 'supertest';
import { type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { launchChromium, openReceptionOfHouseholdBusiness, signInOnPage } from '../support/browser';
import { startTestServer, type TestServer } from '../support/test-app';
import { DEMO_PASSWORD, db, openTask, signIn, type Api } from '../e2e/workflow.helpers';

/**
 * Documents as files in the web app (issue 16, item 4): the desk picks a PDF and drops a PNG
 * for listed documents before "Tiếp nhận"; they are sent right after it, shown on the dossier
 * page and downloaded with the same bytes; a renamed executable is refused in Vietnamese; the
 * result file uploaded at the desk is downloaded by the citizen on /tra-cuu with code + key.
 * `SCREENSHOT_DIR=/tmp/shots` keeps desktop and 390 px phone screenshots to look at.
 */
const SCAN_PDF = Buffer.from(`%PDF-1.4\n1 0 obj <<>> endobj\n% giấy đề nghị ${randomUUID()}\ntrailer <<>>\n%%EOF\n`);
const RESULT_PDF = Buffer.from(
  `%PDF-1.4\n1 0 obj <<>> endobj\n% giấy chứng nhận ${randomUUID()}\ntrailer <<>>\n%%EOF\n`,
);
const APPRAISAL_PDF = Buffer.from(`%PDF-1.4\n% biên bản thẩm định ${randomUUID()}\n%%EOF\n`);
const EXECUTABLE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };

function cccdPhoto(): Buffer {
  const png = new PNG({ width: 40, height: 24 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([20, 90 + (i % 120), 200, 255], i);
  return PNG.sync.write(png);
}

describe('Tệp hồ sơ: bản quét, kết quả, tải về (browser)', () => {
  let server: TestServer;
  let browser: Browser;
  let desk: BrowserContext;
  let page: Page;
  const photo = cccdPhoto();
  const errors: string[] = [];
  let dossier: { code: string; key: string };
  let electronicResult: boolean | undefined;

  const shot = async (target: Page, name: string) => {
    if (process.env.SCREENSHOT_DIR)
      await target.screenshot({ path: `${process.env.SCREENSHOT_DIR}/${name}.png`, fullPage: true });
  };
  const uploaderOf = (scope: Page | Locator, documentKey: string) =>
    scope.locator(`[data-testid="file-uploader"][data-document-key="${documentKey}"]`);
  const downloaded = async (target: Page, link: Locator): Promise<Buffer> => {
    const [download] = await Promise.all([target.waitForEvent('download'), link.click()]);
    return readFile((await download.path())!);
  };

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    desk = await browser.newContext({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: DESKTOP,
      acceptDownloads: true,
    });
    page = await desk.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await signInOnPage(page, server.url, 'reception', DEMO_PASSWORD);
  });

  afterAll(async () => {
    if (electronicResult !== undefined)
      await db(server).query(`UPDATE procedures SET electronic_result = $1 WHERE code = '1.001612'`, [
        electronicResult,
      ]);
    await browser?.close();
    await server?.close();
  });

  it('receives a dossier with a picked PDF and a dropped PNG; they are sent after Tiếp nhận and shown on the dossier page', async () => {
    // given the desk fills a household-business dossier
    await openReceptionOfHouseholdBusiness(page);
    await page.getByTestId('applicant-fullName').fill('Phạm Thị Quét Tệp');
    await page.getByTestId('applicant-idNumber').fill(`0661${String(Date.now()).slice(-8)}`);
    await page.getByTestId('applicant-phone').fill('0905123456');

    // when she picks the scanned request form and drops the ID card photo on its document
    await uploaderOf(page, 'giay-de-nghi')
      .getByTestId('file-input')
      .setInputFiles({ name: 'giay-de-nghi.pdf', mimeType: 'application/pdf', buffer: SCAN_PDF });
    const drop = await page.evaluateHandle(
      ([bytes]) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(bytes)], 'cccd chủ hộ.png', { type: 'image/png' }));
        return transfer;
      },
      [[...photo]],
    );
    await uploaderOf(page, 'giay-to-phap-ly')
      .getByTestId('file-drop-zone')
      .dispatchEvent('drop', { dataTransfer: drop });
    // (a file dropped beside the zone is not opened by the browser, which would leave the form)
    const opened = await page.evaluate((transfer) => {
      const beside = new DragEvent('drop', { dataTransfer: transfer, cancelable: true, bubbles: true });
      document.body.dispatchEvent(beside);
      return !beside.defaultPrevented;
    }, drop);
    expect(opened).toBe(false);

    // then both wait for the dossier's code, and the button says they will be sent
    await expectQueue(uploaderOf(page, 'giay-de-nghi'), ['waiting']);
    await expectQueue(uploaderOf(page, 'giay-to-phap-ly'), ['waiting']);
    expect(await page.getByTestId('receive').innerText()).toContain('2 tệp');
    await shot(page, 'files-reception-form');

    // when she receives the dossier
    await page.getByTestId('receive').click();
    const code = (await page.getByTestId('dossier-code').textContent({ timeout: 15_000 }))!.trim();
    const key = (await page.getByTestId('lookup-key').textContent())!.trim();
    dossier = { code, key };

    // then both files are sent and stored
    await page.getByTestId('received-files-done').waitFor({ timeout: 20_000 });
    await shot(page, 'files-reception-done');
    const rows = await db(server).query(
      `SELECT kind, document_key, file_name, size::int AS size FROM dossier_files WHERE dossier_code = $1 ORDER BY document_key`,
      [code],
    );
    expect(rows).toEqual([
      { kind: 'document', document_key: 'giay-de-nghi', file_name: 'giay-de-nghi.pdf', size: SCAN_PDF.length },
      { kind: 'document', document_key: 'giay-to-phap-ly', file_name: 'cccd chủ hộ.png', size: photo.length },
    ]);

    // and the dossier page lists them under their documents; each downloads with the same bytes
    await page.getByTestId('open-dossier').click();
    const request = page.locator('[data-testid="document-files"][data-document-key="giay-de-nghi"]');
    const legal = page.locator('[data-testid="document-files"][data-document-key="giay-to-phap-ly"]');
    await request.getByTestId('file-item').waitFor({ timeout: 15_000 });
    expect(await request.innerText()).toMatch(/giay-de-nghi\.pdf\s+\d+ B/);
    expect((await downloaded(page, request.getByTestId('file-download'))).equals(SCAN_PDF)).toBe(true);
    expect((await downloaded(page, legal.getByTestId('file-download'))).equals(photo)).toBe(true);
    // and «Xem» opens the scan in a new tab
    const [tab] = await Promise.all([desk.waitForEvent('page'), request.getByTestId('file-view').click()]);
    await tab.waitForURL(/^blob:/, { timeout: 15_000 });
    await tab.close();
    await shot(page, 'files-dossier-desktop');
    expect(errors).toEqual([]);
  });

  it('refuses a renamed executable with a Vietnamese reason and no retry, and stores nothing', async () => {
    // given the dossier page
    const legal = page.locator('[data-testid="document-files"][data-document-key="giay-to-phap-ly"]');
    // when the desk adds a file that is an executable named .pdf
    await legal.getByTestId('add-document-files').click();
    await uploaderOf(legal, 'giay-to-phap-ly')
      .getByTestId('file-input')
      .setInputFiles({ name: 'ban-sao.pdf', mimeType: 'application/pdf', buffer: EXECUTABLE });
    // then it is refused in Vietnamese, with "Bỏ" but no "Thử lại"
    const error = legal.getByTestId('file-error');
    await error.waitFor({ timeout: 15_000 });
    expect(await error.innerText()).toContain('Chỉ nhận tệp PDF, JPEG hoặc PNG');
    expect(await legal.getByTestId('file-retry').count()).toBe(0);
    await shot(page, 'files-refused');
    const [{ n }] = await db(server).query(`SELECT count(*)::int AS n FROM dossier_files WHERE dossier_code = $1`, [
      dossier.code,
    ]);
    expect(n).toBe(2);
    await legal.getByTestId('file-remove').click();
    expect(await legal.getByTestId('file-queue-item').count()).toBe(0);
  });

  it('uploads the result at the desk; the citizen downloads it on /tra-cuu with code + key, and sees no other file', async () => {
    // given the process has reached the result, and the procedure returns it electronically
    await driveToResult(dossier.code);
    [{ electronic_result: electronicResult }] = await db(server).query(
      `SELECT electronic_result FROM procedures WHERE code = '1.001612'`,
    );
    await db(server).query(`UPDATE procedures SET electronic_result = true WHERE code = '1.001612'`);

    // when the desk uploads the result file on the dossier page
    await page.reload();
    const result = page.getByTestId('result-files');
    await result
      .getByTestId('file-input')
      .setInputFiles({ name: 'giay-chung-nhan-hkd.pdf', mimeType: 'application/pdf', buffer: RESULT_PDF });
    await result.getByTestId('file-item').waitFor({ timeout: 15_000 });
    expect(await result.getByTestId('file-list').innerText()).toContain('giay-chung-nhan-hkd.pdf');
    // and the specialist's attachment is listed under her step, and downloads with the same bytes
    const steps = page.getByTestId('step-files');
    expect(await steps.innerText()).toMatch(/Thẩm định hồ sơ, dự thảo giấy chứng nhận[\s\S]*bien-ban-tham-dinh\.pdf/);
    expect((await downloaded(page, steps.getByTestId('file-download'))).equals(APPRAISAL_PDF)).toBe(true);

    // then the citizen, with code and key, downloads the same bytes, on a phone
    const citizen = await browser.newContext({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: PHONE,
      acceptDownloads: true,
      isMobile: true,
      hasTouch: true,
    });
    const phone = await citizen.newPage();
    const phoneErrors: string[] = [];
    phone.on('pageerror', (e) => phoneErrors.push(e.message));
    await phone.goto(`${server.url}/tra-cuu?code=${dossier.code}&key=${dossier.key}`);
    const downloads = phone.getByTestId('result-downloads');
    await downloads.waitFor({ timeout: 15_000 });
    const text = await downloads.innerText();
    expect(text).toContain('giay-chung-nhan-hkd.pdf');
    expect(text).not.toMatch(/giay-de-nghi|cccd/);
    await shot(phone, 'files-lookup-phone');
    expect((await downloaded(phone, downloads.getByTestId('file-download'))).equals(RESULT_PDF)).toBe(true);

    // and without the key nothing is offered
    await phone.goto(`${server.url}/tra-cuu?code=${dossier.code}`);
    await phone.getByTestId('dossier-status').waitFor();
    expect(await phone.getByTestId('result-downloads').count()).toBe(0);
    expect(phoneErrors).toEqual([]);

    // screenshots of the desk's pages on a phone, and the lookup on a desktop
    if (process.env.SCREENSHOT_DIR) {
      const lookupDesktop = await desk.newPage();
      await lookupDesktop.goto(`${server.url}/tra-cuu?code=${dossier.code}&key=${dossier.key}`);
      await lookupDesktop.getByTestId('result-downloads').waitFor();
      await shot(lookupDesktop, 'files-lookup-desktop');
      await page.setViewportSize(PHONE);
      await page.reload();
      await page.getByTestId('result-files').getByTestId('file-item').waitFor();
      await shot(page, 'files-dossier-phone');
      await page.goto(`${server.url}/tiep-nhan`);
      await page.getByTestId('procedure-select').click();
      await page.keyboard.type('hộ kinh doanh');
      await page.locator('.ant-select-item-option', { hasText: '1.001612' }).click();
      await shot(page, 'files-reception-phone');
      await page.setViewportSize(DESKTOP);
    }
    await citizen.close();
    expect(errors).toEqual([]);
  });

  async function attach(
    username: string,
    code: string,
    taskId: string,
    fileName: string,
    bytes: Buffer,
  ): Promise<void> {
    const login = await supertest(server.url)
      .post('/api/auth/login')
      .send({ username, password: DEMO_PASSWORD })
      .expect(200);
    await supertest(server.url)
      .post(`/api/dossiers/${code}/files`)
      .set('Authorization', `Bearer ${login.body.accessToken}`)
      .field('kind', 'attachment')
      .field('taskId', taskId)
      .attach('file', bytes, { filename: fileName, contentType: 'application/pdf' })
      .expect(201);
  }

  /** The household-business process up to "Trả giấy chứng nhận" (result_ready), by the API. */
  async function driveToResult(code: string): Promise<void> {
    const users: Record<string, Api> = {
      admin: await signIn(server, 'admin'),
      reception: await signIn(server, 'reception'),
      specialist: await signIn(server, 'specialist'),
      head: await signIn(server, 'head'),
    };
    const [{ instance_id: instanceId }] = await db(server).query(`SELECT instance_id FROM dossiers WHERE code = $1`, [
      code,
    ]);
    const steps: [string, string, Record<string, unknown>][] = [
      ['Task_TiepNhan', 'reception', {}],
      ['Task_ThamDinh', 'specialist', {}],
      ['Task_PheDuyet', 'head', { approved: true }],
    ];
    for (const [elementId, username, variables] of steps) {
      const task = await openTask(users.admin, instanceId, elementId);
      await users[username].post(`/api/tasks/${task.id}/claim`).expect(200);
      // the specialist attaches the appraisal to her step before completing it
      if (elementId === 'Task_ThamDinh') await attach(username, code, task.id, 'bien-ban-tham-dinh.pdf', APPRAISAL_PDF);
      await users[username].post(`/api/tasks/${task.id}/complete`, { variables }).expect(200);
    }
    const [{ status }] = await db(server).query(`SELECT status FROM dossiers WHERE code = $1`, [code]);
    expect(status).toBe('result_ready');
  }
});

/** The queue's rows by state: "waiting" (no code yet), "done", "error". */
async function expectQueue(uploader: Locator, states: string[]): Promise<void> {
  const rows = uploader.getByTestId('file-queue-item');
  await rows.first().waitFor();
  const seen = await rows.evaluateAll((items) =>
    items.map((i) => (i.getAttribute('data-status') === 'pending' ? 'waiting' : i.getAttribute('data-status'))),
  );
  expect(seen).toEqual(states);
}
