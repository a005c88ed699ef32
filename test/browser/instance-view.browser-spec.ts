import { type Browser, type Page } from 'playwright-core';
import { JobRunner } from '../../libs/workflow/src';
import { startTestServer, type TestServer } from '../support/test-app';
import { launchChromium } from '../support/browser';
import { db, DEMO_PASSWORD, fixture, openTask, signIn, withKey, type Api } from '../e2e/workflow.helpers';

/**
 * The administrators' instance page (issue 19 item 4): the deployed diagram with the token on the
 * element where the instance waits, the path taken, incidents with their retry. Real server,
 * Postgres, Redis, built web app and Chromium; workers are off so nothing moves behind the test.
 */
describe('Phiên xử lý trên sơ đồ (browser)', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: Api;
  let reception: Api;
  let page: Page;
  const pageErrors: string[] = [];
  const suffix = String(Date.now()).slice(-6);

  /** The classes of an element's SVG group on the bpmn-js canvas. */
  const classesOf = async (elementId: string) =>
    (
      (await page
        .locator(`[data-testid="instance-diagram"] g.djs-element[data-element-id="${elementId}"]`)
        .getAttribute('class')) ?? ''
    ).split(/\s+/);

  beforeAll(async () => {
    server = await startTestServer({ runWorkers: false });
    browser = await launchChromium();
    [admin, reception] = await Promise.all(['admin', 'reception'].map((u) => signIn(server, u)));
    page = await browser.newPage({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: 1366, height: 900 },
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/inbox');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the token on the step the instance waits at; after the step is completed the token moves and the path shows it', async () => {
    // given an instance of the parallel review waiting at the intake
    const key = `iv-browser-${suffix}`;
    await admin.deployXml(withKey(fixture('parallel-review.bpmn'), 'parallel-review', key)).expect(201);
    const businessKey = `HS-IV-${suffix}`;
    const id = (await admin.post('/api/instances', { definitionKey: key, businessKey }).expect(201)).body.id as string;

    // when the administrator opens its page
    await page.goto(`${server.url}/admin/phien/${id}`);
    await page.locator('[data-testid="instance-diagram"] g.djs-element.mc-token').first().waitFor();

    // then the token is on the intake and nowhere else; the start event is on the path
    expect(await classesOf('Task_TiepNhan')).toContain('mc-token');
    expect(await classesOf('Task_ThamDinh')).not.toContain('mc-token');
    expect(await classesOf('StartEvent_1')).toContain('mc-path');
    expect(await classesOf('Flow_1')).toContain('mc-path');
    expect(await page.getByTestId('instance-status').textContent()).toBe('Đang xử lý');
    expect(await page.getByTestId('instance-active').textContent()).toBe('Tiếp nhận');

    // when reception completes the intake (approved) through the API and the page is reloaded
    const intake = await openTask(admin, id, 'Task_TiepNhan');
    await reception.post(`/api/tasks/${intake.id}/claim`).expect(200);
    await reception.post(`/api/tasks/${intake.id}/complete`, { variables: { approved: true } }).expect(200);
    await page.reload();
    await page
      .locator('[data-testid="instance-diagram"] g.djs-element[data-element-id="Task_ThamDinh"].mc-token')
      .waitFor();

    if (process.env.SCREENSHOT_DIR)
      await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/instance-view.png`, fullPage: true });

    // then the token stands on both parallel branches, the intake is on the path, the rejected branch is not
    expect(await classesOf('Task_YKien')).toContain('mc-token');
    expect(await classesOf('Task_TiepNhan')).not.toContain('mc-token');
    expect(await classesOf('Task_TiepNhan')).toContain('mc-path');
    expect(await classesOf('Flow_Approved')).toContain('mc-path');
    expect(await classesOf('Flow_Reject')).not.toContain('mc-path');
    await page.getByRole('tab', { name: 'Đường đã đi' }).click();
    const path = page.getByTestId('instance-path');
    expect(await path.locator('li[data-element-id="Task_TiepNhan"]').textContent()).toBe('Tiếp nhận');
    expect(await path.locator('li[data-element-id="Gateway_Approved"]').textContent()).toBe('Hồ sơ hợp lệ?');

    // and the variables and the history speak Vietnamese, without the engine's event names
    await page.getByRole('tab', { name: 'Biến' }).click();
    expect(await page.getByTestId('instance-variables').textContent()).toContain('approved');
    await page.getByRole('tab', { name: 'Lịch sử' }).click();
    const history = (await page.getByTestId('instance-history').textContent()) ?? '';
    expect(history).toContain('Hoàn thành công việc');
    expect(history).not.toMatch(/task\.completed|element\.completed/);

    // when the administrator cancels the instance with a reason
    await page.getByTestId('instance-cancel').click();
    await page.getByTestId('instance-cancel-reason').fill('Công dân rút hồ sơ');
    await page.getByTestId('instance-cancel-submit').click();
    await page.getByText('Đã hủy phiên xử lý').waitFor();

    // then it is terminated and no token is left on the diagram
    expect(await page.getByTestId('instance-status').textContent()).toBe('Đã hủy');
    await page
      .locator('[data-testid="instance-diagram"] g.djs-element[data-element-id="Task_ThamDinh"]:not(.mc-token)')
      .waitFor();
    expect(await page.locator('[data-testid="instance-diagram"] g.djs-element.mc-token').count()).toBe(0);
    expect((await db(server).query(`SELECT status FROM process_instances WHERE id = $1`, [id]))[0].status).toBe(
      'terminated',
    );
    expect(pageErrors).toEqual([]);
  });

  it('reaches the instance from the operations page, marks the incident on its element in Vietnamese, and retries it', async () => {
    // given a service task with no handler, run once: the instance is in incident
    const key = `iv-incident-${suffix}`;
    await admin
      .deployXml(withKey(withKey(fixture('instance-incident.bpmn'), 'instance-incident', key), 'svc-topic', key))
      .expect(201);
    const businessKey = `HS-IVS-${suffix}`;
    const id = (await admin.post('/api/instances', { definitionKey: key, businessKey }).expect(201)).body.id as string;
    const job = (await db(server).query(`SELECT id FROM jobs WHERE instance_id = $1 AND kind = 'service'`, [id]))[0]
      .id as string;
    await server.app.get(JobRunner).run(job);

    // when the administrator finds it among the incidents and opens its instance
    await page.goto(`${server.url}/admin/van-hanh`);
    await page.getByRole('tab', { name: /Sự cố/ }).click();
    await page.getByTestId('incident-search').locator('input').fill(businessKey);
    await page.getByTestId('incident-search').locator('input').press('Enter');
    await page.getByTestId(`incident-instance-${businessKey}`).click();
    await page.waitForURL(`**/admin/phien/${id}`);

    // then the service task carries the incident marker and the token; the message is Vietnamese
    await page
      .locator('[data-testid="instance-diagram"] g.djs-element[data-element-id="Task_Call"].mc-incident')
      .waitFor();
    expect(await classesOf('Task_Call')).toContain('mc-token');
    expect(await page.getByTestId('instance-status').textContent()).toBe('Có sự cố');
    const incident = page.getByTestId('instance-incident-Task_Call');
    expect(await incident.textContent()).toContain('Chưa có bộ xử lý cho công việc nền này');
    expect(await incident.textContent()).toContain('Gọi hệ thống đăng ký');

    // when they retry it with a reason
    await page.getByTestId('instance-incident-retry').click();
    await page.getByTestId('retry-reason').fill('Đã cài bộ xử lý');
    await page.getByTestId('retry-submit').click();

    // then the incident is gone from the page and the diagram, and the instance runs again
    await incident.waitFor({ state: 'detached' });
    await page
      .locator('[data-testid="instance-diagram"] g.djs-element[data-element-id="Task_Call"]:not(.mc-incident)')
      .waitFor();
    expect(await page.getByTestId('instance-status').textContent()).toBe('Đang xử lý');
    expect(pageErrors).toEqual([]);
  });

  it('cancels the instances waiting at a step from the operations page, after a preview that changes nothing', async () => {
    // given two instances of a process waiting at the intake
    const key = `iv-bulk-${suffix}`;
    await admin.deployXml(withKey(fixture('parallel-review.bpmn'), 'parallel-review', key)).expect(201);
    const started: string[] = [];
    for (const n of [1, 2])
      started.push(
        (await admin.post('/api/instances', { definitionKey: key, businessKey: `HS-IVB-${suffix}-${n}` }).expect(201))
          .body.id as string,
      );
    const statuses = async () =>
      (
        await db(server).query(`SELECT status FROM process_instances WHERE id = ANY($1) ORDER BY status`, [started])
      ).map((r: { status: string }) => r.status);

    // when the administrator filters the bulk cancel by the process and the step, and previews
    await page.goto(`${server.url}/admin/van-hanh`);
    await page.getByRole('tab', { name: 'Hủy phiên hàng loạt' }).click();
    await page.getByTestId('bulk-cancel-key').fill(key);
    await page.getByTestId('bulk-cancel-element').fill('Task_TiepNhan');
    await page.getByTestId('bulk-cancel-preview').click();

    // then the preview names both dossiers and nothing is cancelled yet
    await page.getByTestId('bulk-preview-count').waitFor();
    expect(await page.getByTestId('bulk-preview-count').textContent()).toContain('Sẽ hủy 2 phiên');
    expect(await page.getByTestId('bulk-preview-item').count()).toBe(2);
    expect(await statuses()).toEqual(['running', 'running']);

    // when they give a reason and confirm, then both are terminated
    await page.getByTestId('bulk-reason').fill('Thủ tục bãi bỏ');
    await page.getByTestId('bulk-submit').click();
    await page.getByText('Đã hủy 2 phiên xử lý').waitFor();
    expect(await statuses()).toEqual(['terminated', 'terminated']);
    expect(pageErrors).toEqual([]);
  });

  it('the migration screen maps the step renamed in the new version, the dry run tells which instances can move, then they move', async () => {
    // given two instances of version 1 — one at the intake, one past it — and a version 2 where the intake has a new id
    const key = `iv-mig-${suffix}`;
    const v1 = withKey(fixture('parallel-review.bpmn'), 'parallel-review', key);
    await admin.deployXml(v1).expect(201);
    const atIntake = (
      await admin.post('/api/instances', { definitionKey: key, businessKey: `HS-MIG-${suffix}-1` }).expect(201)
    ).body.id as string;
    const pastIntake = (
      await admin.post('/api/instances', { definitionKey: key, businessKey: `HS-MIG-${suffix}-2` }).expect(201)
    ).body.id as string;
    const intake = await openTask(admin, pastIntake, 'Task_TiepNhan');
    await reception.post(`/api/tasks/${intake.id}/claim`).expect(200);
    await reception.post(`/api/tasks/${intake.id}/complete`, { variables: { approved: true } }).expect(200);
    await admin.deployXml(withKey(v1, 'Task_TiepNhan', 'Task_Intake')).expect(201);

    // when the administrator opens the migration tab for versions 1 → 2 and runs the dry run as proposed
    await page.goto(`${server.url}/admin/van-hanh`);
    await page.getByRole('tab', { name: 'Chuyển phiên bản' }).click();
    await page.getByTestId('migration-key').fill(key);
    await page.getByTestId('migration-from').fill('1');
    await page.getByTestId('migration-to').fill('2');
    await page.getByTestId('migration-load').click();
    await page.getByTestId('migration-map-Task_TiepNhan').waitFor();
    expect(await page.getByTestId('migration-count').textContent()).toBe('2 phiên đang chạy phiên bản 1.');
    await page.getByTestId('migration-plan').click();

    // then the instance at the unmapped intake cannot move, in Vietnamese, and the other can
    const verdict = (n: number) => page.getByTestId(`migration-verdict-HS-MIG-${suffix}-${n}`);
    await verdict(1).getByText('Không chuyển được').waitFor();
    expect(await verdict(1).textContent()).toContain('chưa được ánh xạ');
    expect(await verdict(2).textContent()).toBe('Chuyển được');

    // when the intake is mapped to its new id and the dry run is run again, both can move
    await page.getByTestId('migration-map-Task_TiepNhan').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="Tiếp nhận"]').click();
    await page.getByTestId('migration-plan').click();
    await verdict(1).getByText('Chuyển được').waitFor();
    expect(await versionsOf([atIntake, pastIntake])).toEqual([1, 1]);

    // and when they confirm, both run version 2, the first now at the new intake
    await page.getByTestId('migration-run').click();
    await page.getByText('Đã chuyển 2 phiên sang phiên bản 2').waitFor();
    expect(await versionsOf([atIntake, pastIntake])).toEqual([2, 2]);
    expect((await admin.get(`/api/instances/${atIntake}`).expect(200)).body.activeElementIds).toEqual(['Task_Intake']);
    expect(pageErrors).toEqual([]);
  });

  it("opens the instance from a dossier's page, for an administrator", async () => {
    // given a dossier received at the desk
    const applicant = {
      fullName: 'Nguyễn Thị Ánh Tuyết',
      idNumber: '066190001234',
      phone: '0905123456',
      address: 'Phường Tân Lợi, Buôn Ma Thuột',
    };
    const received = await reception
      .post('/api/dossiers', {
        procedureCode: '1.001612',
        applicant,
        channel: 'direct',
        documents: ['giay-de-nghi', 'giay-to-phap-ly'],
      })
      .expect(201);
    const code = received.body.code as string;
    const instanceId = (await admin.get(`/api/dossiers/${code}`).expect(200)).body.instanceId as string;
    expect(instanceId).toMatch(/^[0-9a-f-]{36}$/);

    // when the administrator opens the dossier and follows its instance link
    await page.goto(`${server.url}/ho-so/${code}`);
    await page.getByTestId('dossier-instance').click();
    await page.waitForURL(`**/admin/phien/${instanceId}`);

    // then the deployed diagram shows the token where the instance stands
    const active = (await admin.get(`/api/instances/${instanceId}`).expect(200)).body.activeElementIds as string[];
    expect(active.length).toBeGreaterThan(0);
    await page
      .locator(`[data-testid="instance-diagram"] g.djs-element[data-element-id="${active[0]}"].mc-token`)
      .waitFor();
    expect(pageErrors).toEqual([]);
  });

  /** The version each instance runs, in the order given. */
  const versionsOf = async (ids: string[]) => {
    const rows: { id: string; version: number }[] = await db(server).query(
      `SELECT id, version FROM process_instances WHERE id = ANY($1)`,
      [ids],
    );
    return ids.map((id) => rows.find((r) => r.id === id)?.version);
  };
});
