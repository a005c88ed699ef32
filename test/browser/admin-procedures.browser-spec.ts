import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { JobRunner } from '../../libs/workflow/src';
import { launchChromium } from '../support/browser';
import { startTestServer, type TestServer } from '../support/test-app';
import { eventually } from '../e2e/workflow.helpers';

/**
 * The catalog page, end to end: the administrator adds a procedure linked to a deployed
 * diagram, publishes it, and the desk receives a dossier of it at once. Real server, Postgres,
 * Redis, built web app and Chromium. `SCREENSHOT_DIR=/tmp/shots` keeps each step's screenshot.
 */

const PASSWORD = process.env.DEMO_PASSWORD ?? 'motcua-demo';

async function shot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOT_DIR)
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/${name}.png`, fullPage: true });
}

async function tokenOf(server: TestServer, username: string): Promise<string> {
  return (await request(server.url).post('/api/auth/login').send({ username, password: PASSWORD }).expect(200)).body
    .accessToken;
}

describe('Danh mục thủ tục (browser)', () => {
  let server: TestServer;
  let browser: Browser;
  const processKey = `proc-ui-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    server = await startTestServer({ runWorkers: false });
    browser = await launchChromium();
    // given a diagram deployed from the modeler (here over the API)
    const xml = readFileSync(join(__dirname, '..', 'e2e', 'fixtures', 'workflow-single-task.bpmn'), 'utf8')
      .split('"single-task"')
      .join(`"${processKey}"`);
    await request(server.url)
      .post('/api/definitions')
      .set('Authorization', `Bearer ${await tokenOf(server, 'admin')}`)
      .set('Content-Type', 'text/xml')
      .send(xml)
      .expect(201);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a procedure added on the page, linked to a deployed diagram and published, is received at the desk at once', async () => {
    const code = `TT-UI-${randomUUID().slice(0, 6).toUpperCase()}`;
    // given the administrator on the catalog page
    const { page, pageErrors } = await signedInAdmin(browser, server.url);
    await page.getByRole('link', { name: 'Danh mục thủ tục' }).click();
    await page.getByTestId('procedure-row-1.001193').waitFor();
    await shot(page, 'procedures-01-list');

    // when they add a procedure: code, name, field, legal time, one document, the deployed process, published
    await page.getByTestId('procedure-create').click();
    await page.getByTestId('procedure-code').fill(code);
    await page.getByTestId('procedure-name').fill('Thủ tục thử nghiệm trên trang danh mục');
    await page.getByTestId('procedure-field').fill('Thử nghiệm');
    await page.getByTestId('procedure-time').fill('2');
    await page.getByTestId('procedure-process').click();
    await page.keyboard.type(processKey);
    await page.locator('.ant-select-item-option', { hasText: processKey }).click();
    await page.getByTestId('document-add').click();
    await page.getByTestId('document-code-0').fill('don');
    await page.getByTestId('document-name-0').fill('Đơn đề nghị');
    await page.getByTestId('procedure-published').click();
    await shot(page, 'procedures-02-form');
    await page.getByTestId('procedure-submit').click();
    await page.getByTestId(`procedure-row-${code}`).waitFor();
    await shot(page, 'procedures-03-created');

    // then the desk receives a dossier of it at once
    const reception = await tokenOf(server, 'reception');
    const received = await request(server.url)
      .post('/api/dossiers')
      .set('Authorization', `Bearer ${reception}`)
      .send({
        procedureCode: code,
        applicant: { fullName: 'Lê Thị Hoa', idNumber: '066190007777', phone: '0905333444' },
        channel: 'direct',
        documents: ['don'],
      });
    expect(received.status).toBe(201);

    // and the audit trail finds that dossier's reception by its code
    await page.getByRole('link', { name: 'Nhật ký hệ thống' }).click();
    await page.getByTestId('audit-dossier').fill(received.body.code);
    await page.getByTestId('audit-search').click();
    // (the unfiltered page shows until the search answers: wait for exactly that dossier's one reception)
    await eventually(async () => (await page.getByRole('cell', { name: 'Tiếp nhận hồ sơ' }).count()) === 1);
    await shot(page, 'procedures-04-audit-dossier');
    await page.getByRole('link', { name: 'Danh mục thủ tục' }).click();
    await page.getByTestId('procedure-row-1.001193').waitFor();

    // when the same code is added again, then the page says why it is refused
    await page.getByTestId('procedure-create').click();
    await page.getByTestId('procedure-code').fill(code);
    await page.getByTestId('procedure-name').fill('Trùng mã');
    await page.getByTestId('procedure-field').fill('Thử nghiệm');
    // a legal time of 0 is refused with a message, never turned into 1 without a word (issue 19 item 6)
    await page.getByTestId('procedure-time').fill('0');
    await page.getByTestId('procedure-name').click();
    await page.getByText('Thời hạn phải là số nguyên từ 1 trở lên').waitFor();
    expect(await page.getByTestId('procedure-time').inputValue()).toBe('0');
    await page.getByTestId('procedure-time').fill('1');
    await page.getByTestId('procedure-process').click();
    await page.keyboard.type(processKey);
    await page.locator('.ant-select-item-option', { hasText: processKey }).last().click();
    await page.getByTestId('procedure-submit').click();
    await page.getByTestId('procedure-form-error').getByText('Mã thủ tục đã có trong danh mục.').waitFor();
    await shot(page, 'procedures-04-duplicate');
    // (the form holds typed changes: closing it asks first, issue 19 item 6)
    await page.getByRole('button', { name: 'Hủy' }).click();
    await page
      .locator('.ant-modal-confirm', { hasText: 'Bỏ thay đổi chưa lưu?' })
      .getByRole('button', { name: 'Bỏ thay đổi' })
      .click();

    // when they upload a form template while editing, then applicants can download it
    await page.getByTestId('procedure-search').locator('input').fill(code);
    await page.keyboard.press('Enter');
    await page
      .getByTestId(`procedure-row-${code}`)
      .locator('xpath=ancestor::tr')
      .getByRole('button', { name: 'Sửa' })
      .click();
    await page
      .locator('input[type=file]')
      .last()
      .setInputFiles({ name: 'Đơn đề nghị.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 mẫu') });
    await page.getByText('don-de-nghi.pdf').waitFor();
    await shot(page, 'procedures-05-template');
    await page.getByTestId('procedure-submit').click();
    await page.getByText('Đã lưu thủ tục').waitFor();
    await request(server.url).get(`/api/procedures/${code}/forms/don-de-nghi.pdf`).expect(200);

    // when they export the catalog, then the file holds the new procedure in the catalog.json format
    const [exported] = await Promise.all([page.waitForEvent('download'), page.getByTestId('procedure-export').click()]);
    expect(exported.suggestedFilename()).toBe('catalog.json');
    const catalog = JSON.parse(readFileSync(await exported.path(), 'utf8')) as { code: string; processKey: string }[];
    expect(catalog.find((p) => p.code === code)).toMatchObject({ processKey, published: true });

    // when they import a file with one more procedure, then it is added
    const imported = `${code}-NHAP`;
    const entry = {
      ...catalog.find((p) => p.code === code),
      code: imported,
      name: 'Thủ tục nhập từ tệp',
      formTemplates: [],
    };
    await page.locator('input[type=file][accept*="json"]').setInputFiles({
      name: 'catalog.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify([entry])),
    });
    await page.getByText('Đã nhập danh mục: 1 thủ tục mới, 0 thủ tục cập nhật').waitFor();
    await request(server.url).get(`/api/procedures/${imported}`).expect(200);

    // when it is unpublished from the list, then the desk refuses it
    await page.getByTestId(`procedure-publish-${code}`).click();
    await page.getByText(`Đã ngừng công bố ${code}`).waitFor();
    const refused = await request(server.url)
      .post('/api/dossiers')
      .set('Authorization', `Bearer ${reception}`)
      .send({
        procedureCode: code,
        applicant: { fullName: 'Lê Thị Hoa', idNumber: '066190007777', phone: '0905333444' },
        channel: 'direct',
        documents: ['don'],
      });
    expect(refused.status).toBe(404);
    expect(pageErrors).toEqual([]);

    // (suites share the database: the public catalog's count in dossiers.e2e must not see the imported one)
    await request(server.url)
      .post(`/api/admin/procedures/${imported}/unpublish`)
      .set('Authorization', `Bearer ${await tokenOf(server, 'admin')}`)
      .expect(200);
  });
});

describe('Vận hành (browser)', () => {
  let server: TestServer;
  let browser: Browser;
  const processKey = `ops-ui-${randomUUID().slice(0, 8)}`;
  const businessKey = `HS-UI-${randomUUID().slice(0, 6).toUpperCase()}`;

  beforeAll(async () => {
    server = await startTestServer({ runWorkers: false });
    browser = await launchChromium();
    // given a service task whose topic has no handler: its first run opens an incident
    const admin = `Bearer ${await tokenOf(server, 'admin')}`;
    const xml = readFileSync(join(__dirname, '..', 'e2e', 'fixtures', 'workflow-service-task.bpmn'), 'utf8')
      .split('"service-task"')
      .join(`"${processKey}"`)
      .split('"svc-topic"')
      .join(`"${processKey}"`);
    await request(server.url)
      .post('/api/definitions')
      .set('Authorization', admin)
      .set('Content-Type', 'text/xml')
      .send(xml)
      .expect(201);
    const instance = await request(server.url)
      .post('/api/instances')
      .set('Authorization', admin)
      .send({ definitionKey: processKey, businessKey })
      .expect(201);
    const [{ id }] = await server.app
      .get(DataSource)
      .query(`SELECT id FROM jobs WHERE instance_id = $1 AND kind = 'service'`, [instance.body.id]);
    await server.app.get(JobRunner).run(id);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the administrator finds the incident of a dossier and retries it with a reason', async () => {
    const { page, pageErrors } = await signedInAdmin(browser, server.url);

    // when they open Vận hành and search the dossier
    await page.getByRole('link', { name: 'Vận hành' }).click();
    await page.getByTestId('incident-search').locator('input').fill(businessKey);
    await page.keyboard.press('Enter');
    await page.getByTestId(`incident-retry-${businessKey}`).waitFor();
    await shot(page, 'operations-01-incidents');

    // and retry it without, then with a reason
    await page.getByTestId(`incident-retry-${businessKey}`).click();
    await page.getByTestId('retry-submit').click();
    await page.getByText('Nhập lý do (được ghi vào nhật ký hệ thống)').waitFor();
    await page.getByTestId('retry-reason').fill('Đã cài bộ xử lý');
    await shot(page, 'operations-02-reason');
    await page.getByTestId('retry-submit').click();
    await page.getByText('Đã thử lại: công việc nền được chạy lại ngay').waitFor();

    // then the incident is resolved by them, with the reason in the audit trail
    await page.getByTestId(`incident-retry-${businessKey}`).waitFor({ state: 'detached' });
    const [incident] = await server.app
      .get(DataSource)
      .query(
        `SELECT x.status, x.resolved_by FROM incidents x JOIN process_instances i ON i.id = x.instance_id WHERE i.business_key = $1`,
        [businessKey],
      );
    expect(incident).toEqual({ status: 'resolved', resolved_by: 'admin' });
    const [audit] = await server.app
      .get(DataSource)
      .query(
        `SELECT data->>'reason' AS reason FROM audit_log WHERE action = 'incident.retried' AND data->>'instanceId' = (SELECT id::text FROM process_instances WHERE business_key = $1)`,
        [businessKey],
      );
    expect(audit.reason).toBe('Đã cài bộ xử lý');

    // and the jobs tab shows the counts by state
    await page.getByRole('tab', { name: 'Công việc nền' }).click();
    await page.getByTestId('job-state').waitFor();
    await shot(page, 'operations-03-jobs');
    expect(pageErrors).toEqual([]);
  });
});

/** A page signed in as the demo administrator, on the inbox, collecting the page's script errors. */
async function signedInAdmin(browser: Browser, baseUrl: string): Promise<{ page: Page; pageErrors: string[] }> {
  const page = await browser.newPage({
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1366, height: 900 },
  });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL('**/inbox');
  return { page, pageErrors };
}
