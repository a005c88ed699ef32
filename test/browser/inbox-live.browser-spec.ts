import type { Browser, BrowserContext, Page } from 'playwright-core';
import { completionVariables, readTaskForm } from '../../apps/web/src/pages/inbox/task-form';
import { launchChromium, signInOnPage } from '../support/browser';
import { startTestServer, type TestServer } from '../support/test-app';
import { call, eventually, PASSWORD, tokenOf } from './modeler.helpers';

/**
 * Live inbox (issue 19 item 1, ADR 0022): an officer keeps the inbox open; the desk receives a
 * dossier and hands it on over the API; the new step appears in the officer's list, with the
 * "Có N bước mới" tag, without the page reloading. Real server, Postgres, Redis and Chromium.
 * The delay is printed, not asserted (the machine is shared).
 */
interface TaskJson {
  id: string;
  elementId: string;
  form: unknown;
}

describe('Hộp công việc cập nhật trực tiếp (browser)', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  it("a step handed on by the desk appears in the appraiser's open inbox without reloading", async () => {
    // given the construction specialist's inbox, open
    context = await browser.newContext({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: 1366, height: 900 },
    });
    const page: Page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const streams: number[] = [];
    page.on('response', (response) => {
      if (response.url().includes('/api/inbox/events?')) streams.push(response.status());
    });
    await signInOnPage(page, server.url, 'specialist.qldt', PASSWORD);
    await page.waitForURL('**/inbox');
    await eventually(async () => streams.includes(200) || undefined);
    // a mark that a reload would erase
    await page.evaluate(() => ((window as unknown as { liveMark: number }).liveMark = 1));

    // when the desk receives a construction permit and completes its reception step
    const desk = await tokenOf(server.url, 'reception');
    const received = await call<{ code: string }>(server.url, '/api/dossiers', {
      token: desk,
      method: 'POST',
      body: JSON.stringify({
        procedureCode: '1.009974',
        channel: 'direct',
        documents: ['don-de-nghi', 'gcn-qsdd', 'ban-ve'],
        applicant: { fullName: 'Trương Văn Trực Tiếp', idNumber: '066190008822', phone: '0905888222' },
      }),
    });
    const reception = await eventually(async () => {
      const inbox = await call<{ items: TaskJson[] }>(
        server.url,
        `/api/tasks?q=${encodeURIComponent(received.code)}&limit=100`,
        { token: desk },
      );
      return inbox.items.find((t) => t.elementId === 'Task_TiepNhan');
    });
    const form = readTaskForm(reception.form);
    await call(server.url, `/api/tasks/${reception.id}/complete`, {
      token: desk,
      method: 'POST',
      body: JSON.stringify({ variables: completionVariables(form, undefined, {}) }),
    });
    const handedOnAt = Date.now();
    const specialist = await tokenOf(server.url, 'specialist.qldt');
    const appraisal = await eventually(async () => {
      const inbox = await call<{ items: TaskJson[] }>(
        server.url,
        `/api/tasks?q=${encodeURIComponent(received.code)}&limit=100`,
        { token: specialist },
      );
      return inbox.items.find((t) => t.elementId === 'Task_ThamDinh');
    });

    // then the step's row appears, the tag counts it, and the page was not reloaded
    await page.getByTestId(`task-row-${appraisal.id}`).waitFor();
    const seenAfterMs = Date.now() - handedOnAt;
    console.log(`inbox-live: the new step appeared ${seenAfterMs} ms after the desk's completion returned`);
    expect(await page.getByTestId('inbox-new-steps').textContent()).toMatch(/^Có \d+ bước mới$/);
    expect(await page.evaluate(() => (window as unknown as { liveMark?: number }).liveMark)).toBe(1);
    expect(streams.filter((status) => status !== 200)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
