import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/test-app';
import { launchChromium } from '../support/browser';

/**
 * The modeler (issue 7), end to end: real server with demo data, the built web app, real
 * Chromium. Diagrams are drawn and edited through the page (palette, context pad, properties
 * panel); only the checks read the diagram through `window.bpmnModeler`.
 */

import {
  MIWG,
  MIWG_FILES,
  LAND_OFFICE,
  call,
  tokenOf,
  openTasks,
  completeStep,
  eventually,
  semanticElements,
  mcAttributes,
  logIn,
  openModeler,
  importFile,
  exportXml,
  processKey,
  select,
  moveRight,
  openGroup,
  deployFromPage,
} from './modeler.helpers';

const ROUND_TRIP = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:mc="urn:motcua:bpmn:1" id="defs_round_trip" targetNamespace="urn:motcua:test">
  <bpmn:process id="KEY" name="Khứ hồi thuộc tính" isExecutable="true" mc:procedureCode="1.001612">
    <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="review" name="Thẩm định" mc:unit="parent" mc:candidateGroups="specialist:land,head" mc:duration="2d" mc:status="processing">
      <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:serviceTask id="notify" name="Gửi SMS" mc:topic="sms.notify"><bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing></bpmn:serviceTask>
    <bpmn:intermediateCatchEvent id="wait" name="Niêm yết">
      <bpmn:incoming>f3</bpmn:incoming><bpmn:outgoing>f4</bpmn:outgoing>
      <bpmn:timerEventDefinition id="waitTimer"><bpmn:timeDuration>PT4H</bpmn:timeDuration></bpmn:timerEventDefinition>
    </bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="end" name="Xong"><bpmn:incoming>f4</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="notify" />
    <bpmn:sequenceFlow id="f3" sourceRef="notify" targetRef="wait" />
    <bpmn:sequenceFlow id="f4" sourceRef="wait" targetRef="end" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="d"><bpmndi:BPMNPlane id="p" bpmnElement="KEY">
    <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="152" y="182" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="review_di" bpmnElement="review"><dc:Bounds x="240" y="160" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="notify_di" bpmnElement="notify"><dc:Bounds x="400" y="160" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="wait_di" bpmnElement="wait"><dc:Bounds x="562" y="182" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="662" y="182" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="188" y="200" /><di:waypoint x="240" y="200" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="340" y="200" /><di:waypoint x="400" y="200" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="f3_di" bpmnElement="f3"><di:waypoint x="500" y="200" /><di:waypoint x="562" y="200" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="f4_di" bpmnElement="f4"><di:waypoint x="598" y="200" /><di:waypoint x="662" y="200" /></bpmndi:BPMNEdge>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;

/** A user task with an unreadable duration, a task connected to nothing, and a FEEL condition that does not parse. */
const WITH_ERRORS = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:mc="urn:motcua:bpmn:1" id="defs_errors" targetNamespace="urn:motcua:test">
  <bpmn:process id="KEY" name="Sơ đồ có lỗi" isExecutable="true">
    <bpmn:startEvent id="start" name="Bắt đầu"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="badDuration" name="Thời hạn sai" mc:candidateGroups="specialist" mc:duration="hai ngày"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>
    <bpmn:exclusiveGateway id="decide" name="Đồng ý?" default="f4"><bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing><bpmn:outgoing>f4</bpmn:outgoing></bpmn:exclusiveGateway>
    <bpmn:endEvent id="endYes" name="Có"><bpmn:incoming>f3</bpmn:incoming></bpmn:endEvent>
    <bpmn:endEvent id="endNo" name="Không"><bpmn:incoming>f4</bpmn:incoming></bpmn:endEvent>
    <bpmn:userTask id="orphan" name="Bước lạc" mc:candidateGroups="head" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="badDuration" />
    <bpmn:sequenceFlow id="f2" sourceRef="badDuration" targetRef="decide" />
    <bpmn:sequenceFlow id="f3" sourceRef="decide" targetRef="endYes"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=(approved</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="f4" sourceRef="decide" targetRef="endNo" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="d"><bpmndi:BPMNPlane id="p" bpmnElement="KEY">
    <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="152" y="182" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="badDuration_di" bpmnElement="badDuration"><dc:Bounds x="240" y="160" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="decide_di" bpmnElement="decide" isMarkerVisible="true"><dc:Bounds x="395" y="175" width="50" height="50" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="endYes_di" bpmnElement="endYes"><dc:Bounds x="502" y="182" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="endNo_di" bpmnElement="endNo"><dc:Bounds x="502" y="292" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="orphan_di" bpmnElement="orphan"><dc:Bounds x="240" y="330" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="188" y="200" /><di:waypoint x="240" y="200" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="340" y="200" /><di:waypoint x="395" y="200" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="f3_di" bpmnElement="f3"><di:waypoint x="445" y="200" /><di:waypoint x="502" y="200" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="f4_di" bpmnElement="f4"><di:waypoint x="420" y="225" /><di:waypoint x="420" y="310" /><di:waypoint x="502" y="310" /></bpmndi:BPMNEdge>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;

// `testTimeout` of the jest project does not reach hooks; logging in and loading bpmn-js takes a few seconds.
jest.setTimeout(120_000);

describe('Thiết kế quy trình (browser)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  beforeEach(async () => {
    page = await browser.newPage({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: 1440, height: 900 },
    });
    // Loading the page and bpmn-js can take over 30 s when the machine's few cores are busy.
    page.setDefaultTimeout(60_000);
    pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await logIn(page, server.url);
    await openModeler(page, server.url);
  });

  afterEach(async () => {
    await page?.close();
  });

  it('draws a step from the template, assigns it in the panel, deploys, and the step reaches the right inbox', async () => {
    // given the template, with the end event moved right and a task dropped from the palette onto the flow into it
    await moveRight(page, 'EndEvent_KetThuc', 24);
    const flow = await page.locator('.djs-connection[data-element-id="Flow_KetThuc"]').boundingBox();
    await page.locator('.djs-palette [data-action="create.task"]').click();
    const x = flow!.x + flow!.width / 2;
    const y = flow!.y + flow!.height / 2;
    await page.mouse.move(x - 20, y);
    await page.mouse.move(x, y);
    await page.mouse.click(x, y);
    // when it becomes a user task (context pad → change element) …
    await page.locator('.djs-context-pad [data-action="replace"]').click();
    await page.locator('.djs-popup [data-id="replace-with-user-task"]').click();
    await page.locator('[data-group-id="group-mc-assignment"]').waitFor();
    // … is named, and given to the head and the land specialists of the land office for 3 working hours
    await openGroup(page, 'general');
    await page.locator('#bio-properties-panel-name').fill('Phòng TN&MT xem xét');
    await page.locator('#bio-properties-panel-mc-unit').selectOption(LAND_OFFICE);
    await page.locator('#bio-properties-panel-mc-roles-head').check();
    await page.locator('#bio-properties-panel-mc-fields').fill('land');
    await page.locator('#bio-properties-panel-mc-duration-unit').selectOption('h');
    await page.locator('#bio-properties-panel-mc-duration-amount').fill('3');
    await page.locator('#bio-properties-panel-mc-status').selectOption('processing');
    await page.getByTestId('time-budget').filter({ hasText: '2 ngày 7 giờ' }).waitFor();
    const version = await deployFromPage(page);

    // then the page deployed version 1 of the template's key, with what was set in the panel
    expect(version).toBe(1);
    const definitionKey = await processKey(page);
    const deployed = await mcAttributes(
      await call<string>(server.url, `/api/definitions/${definitionKey}/xml`, {
        token: await tokenOf(server.url, 'admin'),
      }),
    );
    const added = Object.entries(deployed).find(([, attributes]) => attributes.unit === LAND_OFFICE);
    expect(added?.[1]).toEqual({
      unit: LAND_OFFICE,
      candidateGroups: 'head,specialist:land',
      duration: '3h',
      status: 'processing',
    });

    // when an instance runs through reception and the city's specialist
    const businessKey = `MODELER-${Date.now()}`;
    await call(server.url, '/api/instances', {
      token: await tokenOf(server.url, 'admin'),
      method: 'POST',
      body: JSON.stringify({ definitionKey, businessKey }),
    });
    await completeStep(server.url, 'reception', businessKey, 'Task_TiepNhan');
    await completeStep(server.url, 'specialist', businessKey, 'Task_ThamDinh');

    // then the new step waits in the land office, for its head and land specialist, and not in the city
    const headTasks = await eventually(async () => {
      const tasks = await openTasks(server.url, await tokenOf(server.url, 'head.tnmt'), businessKey);
      return tasks.length ? tasks : undefined;
    });
    expect(headTasks).toEqual([
      expect.objectContaining({
        elementId: added![0],
        unitCode: LAND_OFFICE,
        candidateGroups: ['head', 'specialist:land'],
      }),
    ]);
    expect(await openTasks(server.url, await tokenOf(server.url, 'specialist.tnmt'), businessKey)).toHaveLength(1);
    expect(await openTasks(server.url, await tokenOf(server.url, 'specialist'), businessKey)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('picks the procedure from the catalog on the process, shows its legal time, budgets against it, and deploys the code', async () => {
    // given the template under a key of its own (the first test deploys the template's key)
    const key = `modeler_catalog_${Date.now()}`;
    await page
      .locator('.djs-container svg')
      .first()
      .click({ position: { x: 700, y: 40 } });
    await page.locator('[data-group-id="group-mc-procedure"]').waitFor();
    await openGroup(page, 'general');
    await page.locator('#bio-properties-panel-id').fill(key);
    const procedure = page.locator('#bio-properties-panel-mc-procedureCode');
    const group = page.locator('[data-group-id="group-mc-procedure"]');

    // when the building permit (15 working days) is chosen, then its legal time is shown and the 2 days 4 hours fit in it
    await procedure.selectOption('1.009974');
    await group.getByText('Thời hạn giải quyết: 15 ngày làm việc').waitFor();
    await page
      .locator('[data-testid="time-budget"][data-hours="20"][data-legal-hours="120"]')
      .filter({ hasText: 'quy định 15 ngày làm việc' })
      .waitFor();
    expect(await page.locator('[data-testid="issue-warning"][data-code="TIME_BUDGET_EXCEEDED"]').count()).toBe(0);

    // when the certified copy (same day, counted as one working day) is chosen instead
    expect(await procedure.locator('option', { hasText: '2.000815 — ' }).count()).toBe(1);
    await procedure.selectOption('2.000815');
    await group.getByText('Thời hạn giải quyết: trong ngày').waitFor();

    // then the budget is over the legal time: a warning, which does not block deploying
    const budget = page
      .locator('[data-testid="time-budget"][data-hours="20"][data-legal-hours="8"]')
      .filter({ hasText: 'quy định trong ngày' });
    await budget.waitFor();
    await expect(budget.getAttribute('class')).resolves.toContain('ant-tag-error');
    await page
      .locator(`[data-testid="issue-warning"][data-code="TIME_BUDGET_EXCEEDED"][data-element-id="${key}"]`)
      .waitFor();
    if (process.env.MODELER_SCREENSHOTS)
      await page.screenshot({ path: join(process.env.MODELER_SCREENSHOTS, 'modeler-procedure.png') });
    expect(await deployFromPage(page)).toBe(1);

    // and the deployed XML carries the code
    const deployed = await call<string>(server.url, `/api/definitions/${key}/xml`, {
      token: await tokenOf(server.url, 'admin'),
    });
    expect((await mcAttributes(deployed))[key]).toEqual({ procedureCode: '2.000815' });
    expect(pageErrors).toEqual([]);
  });

  it('keeps a procedure code that is not in the catalog, marked as such', async () => {
    // given a file whose process names a code the catalog does not have
    const key = `modeler_unknown_code_${Date.now()}`;
    await importFile(
      page,
      'unknown-code.bpmn',
      ROUND_TRIP.replace(/KEY/g, key).replace('mc:procedureCode="1.001612"', 'mc:procedureCode="9.999999"'),
    );

    // then the process panel (shown while nothing is selected) still shows it, marked, and says the catalog does not have it
    const procedure = page.locator('#bio-properties-panel-mc-procedureCode');
    await procedure.locator('option', { hasText: '2.000815 — ' }).waitFor({ state: 'attached' });
    expect(await procedure.inputValue()).toBe('9.999999');
    expect(await procedure.locator('option:checked').textContent()).toBe('9.999999 (không có trong danh mục)');
    await page
      .locator('[data-group-id="group-mc-procedure"]')
      .getByText('Không có thủ tục này trong danh mục.')
      .waitFor();
    expect(await exportXml(page)).toContain('mc:procedureCode="9.999999"');
    expect(pageErrors).toEqual([]);
  });

  it.each(MIWG_FILES)('imports %s and exports the same elements, types and extension attributes', async (name) => {
    // given a reference model drawn by another tool
    const original = readFileSync(join(MIWG, name), 'utf8');

    // when it is imported through the page and exported again
    await importFile(page, name, original);
    const exported = await exportXml(page);

    // then nothing was dropped, retyped or stripped
    expect(await semanticElements(exported)).toEqual(await semanticElements(original));
    expect(pageErrors).toEqual([]);
  });

  it('offers to convert the Camunda assignments of a Camunda Modeler file to mc: attributes', async () => {
    // given the Camunda invoice example, whose "Prepare bank transfer" has camunda:candidateGroups="accounting"
    await importFile(page, 'C.1.0.bpmn', readFileSync(join(MIWG, 'C.1.0.bpmn'), 'utf8'));
    await page.getByTestId('vendor-alert').filter({ hasText: 'camunda:candidateGroups="accounting"' }).waitFor();

    // when the administrator converts
    await page.getByTestId('vendor-convert').click();

    // then the mc: attribute is written next to the Camunda one, which is kept
    const exported = await exportXml(page);
    expect((await mcAttributes(exported)).prepareBankTransfer).toEqual({ candidateGroups: 'accounting' });
    const tag = /<(?:\w+:)?userTask[^>]*id="prepareBankTransfer"[^>]*>/.exec(exported)?.[0];
    expect(tag).toContain('camunda:candidateGroups="accounting"');
    expect(pageErrors).toEqual([]);
  });

  it('keeps every mc: attribute through the panel, the export, the deploy and the server', async () => {
    // given a file with every mc: attribute, imported through the page
    const key = `modeler_round_trip_${Date.now()}`;
    await importFile(page, 'round-trip.bpmn', ROUND_TRIP.replace(/KEY/g, key));

    // when the panel changes some of them
    await select(page, 'review');
    await page.locator('#bio-properties-panel-mc-status').selectOption('financial_obligation');
    await openGroup(page, 'mc-completion');
    const form = '{"outcomes":[{"key":"approved","label":"Đồng ý"}]}';
    await page.locator('#bio-properties-panel-mc-form').fill(form);
    await select(page, 'notify');
    await openGroup(page, 'mc-job');
    await page.locator('#bio-properties-panel-mc-retries').fill('5');
    // (the panel applies typed text after a debounce; on a loaded machine a deploy could start before it)
    for (let tries = 0; (await mcAttributes(await exportXml(page))).notify?.retries !== 5 && tries < 50; tries++)
      await page.waitForTimeout(200);
    await select(page, 'wait');
    await openGroup(page, 'timer');
    await page.locator('#bio-properties-panel-mc-workingTime').check();
    await page.locator('[data-testid="time-budget"][data-hours="20"]').waitFor();
    await deployFromPage(page);

    // then the exported XML and the deployed XML carry the same attributes, as set
    const expected = {
      [key]: { procedureCode: '1.001612' },
      review: {
        unit: 'parent',
        candidateGroups: 'specialist:land,head',
        duration: '2d',
        status: 'financial_obligation',
        form,
      },
      notify: { topic: 'sms.notify', retries: 5 },
      wait: { workingTime: true },
    };
    expect(await mcAttributes(await exportXml(page))).toEqual(expected);
    const admin = await tokenOf(server.url, 'admin');
    expect(await mcAttributes(await call<string>(server.url, `/api/definitions/${key}/xml`, { token: admin }))).toEqual(
      expected,
    );
    expect(pageErrors).toEqual([]);
  });

  it('will not deploy a diagram with errors and shows each error on its element', async () => {
    // given a diagram with an unreadable duration and a step connected to nothing
    const key = `modeler_errors_${Date.now()}`;
    await importFile(page, 'errors.bpmn', WITH_ERRORS.replace(/KEY/g, key));

    // then each error is on its element and in the list, and Deploy is disabled
    for (const elementId of ['badDuration', 'orphan']) {
      await page.locator(`[data-testid="issue-badge-${elementId}"][data-severity="error"]`).waitFor();
      await page.locator(`[data-testid="issue-error"][data-element-id="${elementId}"]`).first().waitFor();
    }
    expect(await page.getByTestId('modeler-deploy').isDisabled()).toBe(true);
    await expect(
      page.locator(`.djs-element[data-element-id="orphan"]`).first().getAttribute('class'),
    ).resolves.toContain('mc-issue-error');

    // when the administrator clicks an error in the list, then its element is selected in the panel
    await page.locator('[data-testid="issue-error"][data-element-id="orphan"]').first().click();
    await page.locator('.bio-properties-panel-header-label', { hasText: 'Bước lạc' }).waitFor();

    // and nothing was deployed
    const admin = await tokenOf(server.url, 'admin');
    const list = await call<{ items: { key: string }[] }>(server.url, `/api/definitions?key=${key}`, { token: admin });
    expect(list.items).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('shows the errors only the server finds (FEEL) on their elements before deploying', async () => {
    // given a diagram whose only error is a FEEL condition that does not parse
    const key = `modeler_feel_${Date.now()}`;
    const xml = WITH_ERRORS.replace(/KEY/g, key)
      .replace('mc:duration="hai ngày"', 'mc:duration="2d"')
      .replace(/<bpmn:userTask id="orphan"[^>]*\/>/, '')
      .replace(/<bpmndi:BPMNShape id="orphan_di"[\s\S]*?<\/bpmndi:BPMNShape>/, '');
    await importFile(page, 'feel.bpmn', xml);

    // then the server's validator (POST /api/definitions/validate) marks the flow, and Deploy is disabled
    await page.locator('[data-testid="server-check"][data-state="ok"]').waitFor({ timeout: 10_000 });
    await page.locator('[data-testid="issue-badge-f3"][data-severity="error"]').waitFor();
    expect(await page.getByTestId('modeler-deploy').isDisabled()).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
