import type { Browser, Page } from 'playwright-core';
import { launchChromium, signInOnPage } from '../support/browser';
import { startTestServer, type TestServer } from '../support/test-app';
import { call, eventually, PASSWORD, tokenOf } from './modeler.helpers';

/**
 * The officer's inbox (issue 19 item 1): saved filters, the head's bulk assign with the officer picker,
 * and keyboard use. Every list is narrowed by an ID number unique to this run (other suites share the
 * database).
 */
interface TaskJson {
  id: string;
  instanceId: string;
  businessKey: string;
  assignee: string | null;
}

const rows = (page: Page) => page.locator('tr[data-testid^="task-row-"]');

describe('Hộp công việc: bộ lọc đã lưu, giao việc hàng loạt, phím tắt (browser)', () => {
  let server: TestServer;
  let browser: Browser;
  let desk: string;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    desk = await tokenOf(server.url, 'reception');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const uniqueId = () => `0771${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

  /** A dossier received at the city's desk; its open reception step, unclaimed. */
  async function receive(name: string, idNumber: string): Promise<TaskJson> {
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
        {
          token: desk,
        },
      );
      return inbox.items.find((t) => t.assignee === null);
    });
  }

  async function staffPage(username: string): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: 1366, height: 768 },
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signInOnPage(page, server.url, username, PASSWORD);
    return { page, errors };
  }

  async function search(page: Page, text: string): Promise<void> {
    await page.getByTestId('inbox-search').locator('input').fill(text);
    await page.getByTestId('inbox-search').locator('input').press('Enter');
  }

  it('saves the inbox filters under a name, applies them again after a reload, refuses a duplicate name and deletes them', async () => {
    // given two unclaimed steps of this run's applicant at the desk
    const idNumber = uniqueId();
    const [a, b] = [await receive('Trần Thị Lọc', idNumber), await receive('Trần Văn Lọc', idNumber)];
    const { page, errors } = await staffPage('reception');
    // when the officer narrows the inbox (search + "Chưa nhận") and saves it
    await search(page, idNumber);
    await page.getByTestId('filter-unassigned').click();
    for (const task of [a, b]) await page.getByTestId(`task-row-${task.id}`).waitFor();
    const name = `Lọc ${idNumber.slice(-6)}`;
    await page.getByTestId('saved-filter-save').click();
    await page.getByTestId('saved-filter-name').fill(name);
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText(`Đã lưu bộ lọc «${name}».`).waitFor();
    // then it is kept on the server for this account
    const token = await tokenOf(server.url, 'reception');
    const saved = await call<{ items: { id: string; name: string; filter: object }[] }>(
      server.url,
      '/api/inbox/filters',
      {
        token,
      },
    );
    expect(saved.items.find((f) => f.name === name)?.filter).toEqual({ assignee: 'unassigned', q: idNumber });

    // when the page is opened afresh (unfiltered) and the saved filter chosen
    await page.reload();
    await page.getByTestId('inbox-refresh').waitFor();
    expect(await page.getByTestId('inbox-search').locator('input').inputValue()).toBe('');
    await page.getByTestId('saved-filter-select').click();
    await page.locator('.ant-select-item-option', { hasText: name }).click();
    // then the search text and the tab come back, and only this run's two steps are listed
    await page.getByTestId(`task-row-${a.id}`).waitFor();
    await page.getByTestId(`task-row-${b.id}`).waitFor();
    expect(await page.getByTestId('inbox-search').locator('input').inputValue()).toBe(idNumber);
    expect(await page.locator('.ant-tabs-tab-active').innerText()).toBe('Chưa nhận');
    expect(await rows(page).count()).toBe(2);

    // when the same name is saved again in capitals, then a Vietnamese refusal and no second filter
    await page.getByTestId('saved-filter-save').click();
    await page.getByTestId('saved-filter-name').fill(name.toUpperCase());
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Bạn đã có một bộ lọc trùng tên. Vui lòng đặt tên khác.').waitFor();
    await page.getByRole('button', { name: 'Hủy', exact: true }).click();

    // when the officer deletes it, then it is gone from the account
    await page.getByTestId('saved-filter-delete').click();
    await page.getByRole('button', { name: 'Xóa', exact: true }).click();
    await page.getByText('Đã xóa bộ lọc.').waitFor();
    const left = await call<{ items: { name: string }[] }>(server.url, '/api/inbox/filters', { token });
    expect(left.items.map((f) => f.name)).not.toContain(name);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("lets the head hand the ticked steps to an officer picked from the unit's list; a step closed meanwhile is refused on its own", async () => {
    // given three unclaimed reception steps of this run
    const idNumber = uniqueId();
    const steps = [
      await receive('Phạm Văn Giao', idNumber),
      await receive('Phạm Thị Giao', idNumber),
      await receive('Phạm Đức Giao', idNumber),
    ];
    const { page, errors } = await staffPage('head');
    // when the head shows every step of the unit, finds the three and ticks them
    await page.getByTestId('inbox-whole-unit').click();
    await search(page, idNumber);
    for (const task of steps) await page.getByTestId(`task-row-${task.id}`).waitFor();
    for (const task of steps) await page.getByTestId(`task-row-${task.id}`).locator('input[type=checkbox]').check();
    await page.getByTestId('inbox-assign-selected').click();
    // then the picker offers the desk's officer, who may take all three
    await page.getByTestId('bulk-assign-officer').click();
    const option = page.getByTestId('bulk-assign-officer-reception');
    await option.waitFor();
    expect(await option.innerText()).toContain('nhận được 3/3 bước');
    // and no head or specialist, whose roles do not fit reception steps
    expect(await page.getByTestId('bulk-assign-officer-specialist').count()).toBe(0);
    await option.click();
    // when one of the dossiers is cancelled before the head confirms
    const admin = await tokenOf(server.url, 'admin');
    await call(server.url, `/api/instances/${steps[2].instanceId}/cancel`, {
      token: admin,
      method: 'POST',
      body: JSON.stringify({ reason: 'Công dân rút hồ sơ' }),
    });
    await page.getByRole('button', { name: 'Giao việc', exact: true }).click();
    // then two are handed over, and the third is refused with its reason, in Vietnamese
    await page.getByText(/Đã giao 2 bước xử lý cho/).waitFor();
    await page
      .getByText('1 bước không giao được: Bước xử lý này đã được hoàn thành hoặc đã đóng; danh sách đã được cập nhật.')
      .waitFor();
    const mine = await call<{ items: TaskJson[] }>(server.url, `/api/tasks?assignee=me&q=${idNumber}&limit=100`, {
      token: desk,
    });
    expect(mine.items.map((t) => t.id).sort()).toEqual([steps[0].id, steps[1].id].sort());
    expect(errors).toEqual([]);
    await page.close();
  });

  it('moves with j/k and the arrows, ticks with x, claims with c, completes with h, shows the keys with ? and opens with Enter; never while typing', async () => {
    const idNumber = uniqueId();
    const [a, b] = [await receive('Hoàng Văn Phím', idNumber), await receive('Hoàng Thị Phím', idNumber)];
    const { page, errors } = await staffPage('reception');
    await search(page, idNumber);
    await page.getByTestId(`task-row-${b.id}`).waitFor();
    const active = () => page.locator('tr[data-active="true"]').getAttribute('data-testid');
    const checked = (task: TaskJson) =>
      page.getByTestId(`task-row-${task.id}`).locator('input[type=checkbox]').isChecked();
    const order = await rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-testid')));
    const [first, second] = order.map((testId) => (testId === `task-row-${a.id}` ? a : b));

    // typing in the search box: "x" and "j" are text, not keys
    const input = page.getByTestId('inbox-search').locator('input');
    await input.press('x');
    await input.press('j');
    expect(await input.inputValue()).toBe(`${idNumber}xj`);
    expect(await checked(first)).toBe(false);
    expect(await active()).toBe(`task-row-${first.id}`);
    await input.press('Backspace');
    await input.press('Backspace');
    await page.locator('.ant-card-head-title', { hasText: 'Hộp công việc' }).click();

    // moving
    await page.keyboard.press('j');
    expect(await active()).toBe(`task-row-${second.id}`);
    await page.keyboard.press('k');
    expect(await active()).toBe(`task-row-${first.id}`);
    await page.keyboard.press('ArrowDown');
    expect(await active()).toBe(`task-row-${second.id}`);
    await page.keyboard.press('ArrowUp');
    expect(await active()).toBe(`task-row-${first.id}`);
    // ticking for a bulk action
    await page.keyboard.press('x');
    expect(await checked(first)).toBe(true);
    await page.getByTestId('inbox-claim-selected').waitFor();
    await page.keyboard.press('x');
    expect(await checked(first)).toBe(false);
    // a box ticked with the mouse keeps the focus, and the keys still work
    await page.getByTestId(`task-row-${second.id}`).locator('input[type=checkbox]').check();
    await page.keyboard.press('k');
    expect(await active()).toBe(`task-row-${first.id}`);
    await page.getByTestId(`task-row-${second.id}`).locator('input[type=checkbox]').uncheck();
    await page.locator('.ant-card-head-title', { hasText: 'Hộp công việc' }).click();
    // claiming, then completing: the completion dialog opens
    await page.keyboard.press('c');
    await page.getByText('Đã nhận việc.').waitFor();
    await page.getByTestId(`unclaim-${first.id}`).waitFor();
    await page.keyboard.press('h');
    const dialog = page.locator('.ant-modal', { hasText: 'Hoàn thành bước xử lý' });
    await dialog.waitFor();
    // keys typed in the dialog are not the inbox's
    await page.keyboard.press('j');
    expect(await active()).toBe(`task-row-${first.id}`);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    // the keys, in Vietnamese
    await page.keyboard.press('?');
    const panel = page.getByTestId('inbox-keys-table');
    await panel.waitFor();
    expect(await panel.innerText()).toContain('Nhận việc');
    expect(await panel.innerText()).toContain('Chọn / bỏ chọn để xử lý hàng loạt');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
    // Enter opens the dossier of the step under the cursor
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/ho-so/${encodeURIComponent(first.businessKey)}`);
    expect(errors).toEqual([]);
    await page.close();
  });
});
