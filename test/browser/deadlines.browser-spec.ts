import { type Browser } from 'playwright-core';
import { DataSource } from 'typeorm';
import { DeploymentService, NotificationService, RuntimeService } from '../../libs/workflow/src';
import { startTestServer, type TestServer } from '../support/test-app';
import { launchChromium } from '../support/browser';

/**
 * The inbox shows the server's overdue flag, and the header bell lists the officer's
 * notifications and marks them read: real server, built web app, real Chromium.
 */

const PASSWORD = process.env.DEMO_PASSWORD ?? 'motcua-demo';

function oneStepProcess(key: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:mc="urn:motcua:bpmn:1" id="defs_${key}" targetNamespace="urn:motcua:test">
  <bpmn:process id="${key}" name="Thẩm định" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:userTask id="review" name="Thẩm định hồ sơ" mc:unit="receiving" mc:candidateGroups="specialist" mc:duration="P10D" />
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;
}

describe('Quá hạn và thông báo (browser)', () => {
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

  it('badges a step the server flagged overdue, and the bell shows and marks read a notification', async () => {
    // given a step due in ten working days that the overdue job has nevertheless flagged, and a notification for the specialist
    const key = `browser_deadline_${Date.now()}`;
    const businessKey = `DL-BROWSER-${Date.now()}`;
    await server.app.get(DeploymentService).deploy(oneStepProcess(key), 'admin');
    const runtime = server.app.get(RuntimeService);
    const { instanceId, tasksCreated } = await runtime.start(
      key,
      { businessKey },
      { username: 'reception', unitCode: '000.00.20.H15' },
    );
    const taskId = tasksCreated[0].id;
    await server.app.get(DataSource).query(`UPDATE tasks SET overdue_at = now() WHERE id = $1`, [taskId]);
    // (other suites notify the same demo user: start from an inbox with nothing unread)
    await server.app
      .get(DataSource)
      .query(`UPDATE notifications SET read_at = now() WHERE recipient = 'specialist' AND read_at IS NULL`);
    await runtime.transaction((tx) =>
      server.app.get(NotificationService).send(tx, [
        {
          recipient: 'specialist',
          kind: 'deadline.warning',
          taskId,
          instanceId,
          businessKey,
          title: 'Sắp đến hạn: Thẩm định hồ sơ',
          body: `Hồ sơ ${businessKey}`,
        },
      ]),
    );
    const page = await browser.newPage({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    // when the specialist logs in
    await page.goto(`${server.url}/`);
    await page.getByTestId('login-username').fill('specialist');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/inbox');

    // then the step carries the overdue badge although its due time is days away
    // (other suites fill the same inbox: narrow it to this dossier, as an officer would)
    await page.getByTestId('inbox-search').locator('input').fill(businessKey);
    await page.getByTestId('inbox-search').locator('input').press('Enter');
    const row = page.getByTestId(`task-row-${taskId}`);
    await row.waitFor();
    await row.getByTestId('due-overdue').waitFor();
    // and the bell counts the unread notification and lists it
    await page.getByTestId('notification-count').getByText('1', { exact: true }).waitFor();
    await page.getByTestId('notification-bell').click();
    const item = page.getByTestId('notification-item').filter({ hasText: businessKey });
    await item.getByText('Sắp đến hạn: Thẩm định hồ sơ').waitFor();

    // when it is marked read
    await item.getByTestId('notification-read').click();
    // then the button goes, and the server has it read
    await item.getByTestId('notification-read').waitFor({ state: 'detached' });
    const [row2] = await server.app
      .get(DataSource)
      .query(`SELECT read_at FROM notifications WHERE business_key = $1`, [businessKey]);
    expect(row2.read_at).not.toBeNull();
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
