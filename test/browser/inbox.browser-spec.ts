import { type Browser, type Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/test-app';
import { launchChromium } from '../support/browser';

/**
 * The specialist's day in the inbox, end to end: real server, real Postgres and Redis, the
 * built web app, real Chromium. No request is mocked.
 */

const PASSWORD = process.env.DEMO_PASSWORD ?? 'motcua-demo';

interface TaskView {
  id: string;
  elementId: string;
  status: string;
  assignee: string | null;
  businessKey: string | null;
}

interface InstanceView {
  id: string;
  status: string;
  variables: Record<string, unknown>;
  tasks: TaskView[];
  history: { type: string; taskId?: string; actor?: string }[];
}

/** One user task for the specialists of the receiving unit; the key is unique per run. */
function oneStepProcess(key: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:mc="urn:motcua:bpmn:1"
    id="defs_${key}" targetNamespace="urn:motcua:test">
  <bpmn:process id="${key}" name="Thẩm định một bước" isExecutable="true">
    <bpmn:startEvent id="start"><bpmn:outgoing>toReview</bpmn:outgoing></bpmn:startEvent>
    <bpmn:sequenceFlow id="toReview" sourceRef="start" targetRef="review" />
    <bpmn:userTask id="review" name="Thẩm định hồ sơ" mc:unit="receiving" mc:candidateGroups="specialist" mc:duration="2d">
      <bpmn:incoming>toReview</bpmn:incoming><bpmn:outgoing>toEnd</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="toEnd" sourceRef="review" targetRef="end" />
    <bpmn:endEvent id="end"><bpmn:incoming>toEnd</bpmn:incoming></bpmn:endEvent>
  </bpmn:process>
</bpmn:definitions>`;
}

async function call<T>(
  baseUrl: string,
  path: string,
  init: { token?: string; method?: string; body?: string; contentType?: string } = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['Content-Type'] = init.contentType ?? 'application/json';
  const response = await fetch(`${baseUrl}${path}`, { method: init.method ?? 'GET', headers, body: init.body });
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path} → ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

async function tokenOf(baseUrl: string, username: string): Promise<string> {
  const session = await call<{ accessToken: string }>(baseUrl, '/api/auth/login', {
    method: 'POST',
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  return session.accessToken;
}

async function logInThroughPage(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL('**/inbox');
}

describe('Hộp công việc (browser)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lets the specialist claim and complete a step, which completes the instance', async () => {
    // given a deployed one-step process started by the administrator
    const admin = await tokenOf(server.url, 'admin');
    const definitionKey = `browser_inbox_${Date.now()}`;
    const businessKey = `BROWSER-${Date.now()}`;
    await call(server.url, '/api/definitions', {
      token: admin,
      method: 'POST',
      body: oneStepProcess(definitionKey),
      contentType: 'text/xml',
    });
    const started = await call<InstanceView>(server.url, '/api/instances', {
      token: admin,
      method: 'POST',
      body: JSON.stringify({ definitionKey, businessKey }),
    });
    const running = await call<InstanceView>(server.url, `/api/instances/${started.id}`, { token: admin });
    const task = running.tasks.find((t) => t.elementId === 'review' && t.status === 'open');
    expect(task).toBeDefined();
    const taskId = task!.id;

    const page = await browser.newPage({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    // when the specialist logs in, claims the task and completes it with "Đồng ý"
    await logInThroughPage(page, server.url, 'specialist');
    await page.getByTestId('inbox-search').locator('input').fill(businessKey);
    await page.getByTestId('inbox-search').locator('input').press('Enter');
    const row = page.getByTestId(`task-row-${taskId}`);
    await row.waitFor();
    expect(await row.textContent()).toContain(businessKey);
    await page.getByTestId(`claim-${taskId}`).click();
    await page.getByTestId(`unclaim-${taskId}`).waitFor();
    await page.getByTestId(`complete-${taskId}`).click(); // waits until the claim has enabled it
    await page.getByTestId('outcome-approved').click();
    await page.getByTestId('complete-note').fill('Hồ sơ hợp lệ, đề nghị trình ký.');
    await page.getByTestId('complete-confirm').click();
    await row.waitFor({ state: 'detached' });

    // then the task is no longer open for the specialist
    const specialist = await tokenOf(server.url, 'specialist');
    const inbox = await call<{ items: TaskView[]; total: number }>(
      server.url,
      `/api/tasks?q=${businessKey}&limit=100&offset=0`,
      { token: specialist },
    );
    expect(inbox.items.filter((t) => t.id === taskId)).toEqual([]);
    expect((await call<TaskView>(server.url, `/api/tasks/${taskId}`, { token: specialist })).status).toBe('completed');

    // and the instance is completed, by the specialist, with the outcome as variables
    const finished = await call<InstanceView>(server.url, `/api/instances/${started.id}`, { token: admin });
    expect(finished.status).toBe('completed');
    expect(finished.variables).toMatchObject({ approved: true, note: 'Hồ sơ hợp lệ, đề nghị trình ký.' });
    expect(finished.history).toContainEqual(
      expect.objectContaining({ type: 'task.completed', taskId, actor: 'specialist' }),
    );
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
