import type { Browser, Page } from 'playwright-core';
import { launchChromium, signInOnPage } from '../support/browser';
import { startTestServer, type TestServer } from '../support/test-app';
import { call, eventually, PASSWORD, tokenOf } from './modeler.helpers';

/**
 * Bulk claim in the inbox (issue 19 item 1): the desk ticks two unclaimed steps and claims both with
 * one button (the server's refusals per step are covered in test/e2e/tasks.e2e-spec.ts).
 */
interface TaskJson {
  id: string;
  elementId: string;
  assignee: string | null;
}

describe('Nhận nhiều bước một lần (browser)', () => {
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

  // One ID number of this run's applicants: the inbox search finds exactly their steps among other suites' ones.
  const idNumber = `0661${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

  async function receive(desk: string, name: string): Promise<TaskJson> {
    const { code } = await call<{ code: string }>(server.url, '/api/dossiers', {
      token: desk,
      method: 'POST',
      body: JSON.stringify({
        procedureCode: '1.001612',
        channel: 'direct',
        documents: ['giay-de-nghi', 'giay-to-phap-ly'],
        applicant: { fullName: name, idNumber, phone: '0905777333' },
      }),
    });
    return eventually(async () => {
      const inbox = await call<{ items: TaskJson[] }>(
        server.url,
        `/api/tasks?q=${encodeURIComponent(code)}&limit=100`,
        { token: desk },
      );
      return inbox.items.find((t) => t.assignee === null);
    });
  }

  it('claims the ticked steps with one button', async () => {
    // given three unclaimed steps at the desk
    const desk = await tokenOf(server.url, 'reception');
    const [a, b, c] = [
      await receive(desk, 'Lê Văn Một'),
      await receive(desk, 'Lê Văn Hai'),
      await receive(desk, 'Lê Văn Ba'),
    ];
    const page: Page = await browser.newPage({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: 1366, height: 900 },
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await signInOnPage(page, server.url, 'reception', PASSWORD);
    await page.getByTestId('inbox-search').locator('input').fill(idNumber);
    await page.keyboard.press('Enter');
    for (const task of [a, b, c]) await page.getByTestId(`task-row-${task.id}`).waitFor();

    // when the officer ticks the three and claims them with one button
    for (const task of [a, b, c]) await page.getByTestId(`task-row-${task.id}`).locator('input[type=checkbox]').check();
    await page.getByTestId('inbox-claim-selected').getByText('Nhận 3 bước đã chọn').waitFor();
    await page.getByTestId('inbox-claim-selected').click();

    // then the page says how many it took, and all three are the officer's
    await page.getByText('Đã nhận 3 bước xử lý.').waitFor();
    const mine = await call<{ items: TaskJson[] }>(server.url, '/api/tasks?assignee=me&limit=100', { token: desk });
    expect(mine.items.map((t) => t.id)).toEqual(expect.arrayContaining([a.id, b.id, c.id]));
    // and the ticks are gone with the button
    expect(await page.getByTestId('inbox-claim-selected').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
