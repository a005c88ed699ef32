import { randomUUID } from 'node:crypto';
import { type Browser, type Page } from 'playwright-core';
import { UsersService } from '../../libs/identity/src';
import { launchChromium, signInOnPage } from '../support/browser';
import { startTestServer, type TestServer } from '../support/test-app';
import { PASSWORD, call, deployFromPage, importFile, openModeler, tokenOf } from './modeler.helpers';

/**
 * Issue 15 item 2 in the modeler: a deploy refused because a step is on a unit the administrator
 * does not administer names that unit in Vietnamese and offers to declare it an inter-agency
 * partner of the process key; once declared, the same diagram deploys.
 */

/** Sở Xây dựng: a department of the province, outside the city the demo `admin` administers. */
const PROVINCE_DEPARTMENT = '000.00.03.H15';
const CITY = '000.00.20.H15';

/** One step of the city's process handled by the province's construction department. */
function interAgencyDiagram(key: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:mc="urn:motcua:bpmn:1" id="defs_partners" targetNamespace="urn:motcua:test">
  <bpmn:process id="${key}" name="Cấp phép xây dựng liên thông" isExecutable="true">
    <bpmn:startEvent id="start" name="Tiếp nhận"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="soXayDung" name="Sở Xây dựng thẩm định" mc:unit="${PROVINCE_DEPARTMENT}" mc:candidateGroups="specialist" mc:duration="2d">
      <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:endEvent id="end" name="Xong"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="soXayDung" />
    <bpmn:sequenceFlow id="f2" sourceRef="soXayDung" targetRef="end" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="d"><bpmndi:BPMNPlane id="p" bpmnElement="${key}">
    <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="152" y="182" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="soXayDung_di" bpmnElement="soXayDung"><dc:Bounds x="240" y="160" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="402" y="182" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="188" y="200" /><di:waypoint x="240" y="200" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="340" y="200" /><di:waypoint x="402" y="200" /></bpmndi:BPMNEdge>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;
}

// Logging in and loading bpmn-js takes a few seconds, more when the machine's cores are busy.
jest.setTimeout(180_000);

describe('Đơn vị phối hợp liên thông trong thiết kế quy trình (browser)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    server = await startTestServer({ runWorkers: false });
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
    page.setDefaultTimeout(60_000);
    pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterEach(async () => {
    await page?.close();
  });

  /** Clicks Triển khai once the server's check of the diagram is done. */
  async function clickDeploy(): Promise<void> {
    await page.locator('[data-testid="server-check"]:not([data-state="checking"])').waitFor();
    await page.locator('[data-testid="modeler-deploy"]:not([disabled])').waitFor();
    await page.getByTestId('modeler-deploy').click();
  }

  it('refuses a step on a province department, names it, and deploys once the city admin declares it a partner', async () => {
    // given the city administrator with a new diagram whose step is on Sở Xây dựng (the province's)
    const key = `LienThong_${randomUUID().slice(0, 8)}`;
    await signInOnPage(page, server.url, 'admin', PASSWORD);
    await openModeler(page, server.url);
    await importFile(page, 'lien-thong.bpmn', interAgencyDiagram(key));

    // when deploying it
    await clickDeploy();

    // then the refusal names the unit in Vietnamese and offers to declare it a partner
    const refusal = page.getByTestId('deploy-refusal');
    await refusal.filter({ hasText: 'Sở Xây dựng (000.00.03.H15)' }).waitFor();
    expect(await refusal.textContent()).toContain('chưa được khai báo là đơn vị phối hợp');

    // when the administrator opens the declaration from the refusal: the key is new, the unit already chosen
    await page.getByTestId('deploy-refusal-partners').click();
    const dialog = page.locator('.ant-modal').filter({ hasText: 'Đơn vị phối hợp liên thông' });
    await dialog.getByTestId('partners-owner').filter({ hasText: 'Chưa triển khai' }).waitFor();
    await dialog.getByText('Sở Xây dựng (000.00.03.H15)').first().waitFor();
    // … and saves it
    await dialog.getByTestId('partners-submit').click();
    await page.locator('.ant-message').getByText(`Đã lưu 1 đơn vị phối hợp của quy trình ${key}`).waitFor();

    // then the key belongs to the city, with the department as its partner
    const token = await tokenOf(server.url, 'admin');
    expect(await call(server.url, `/api/definitions/${key}/ownership`, { token })).toEqual({
      key,
      ownerUnitCode: CITY,
      partnerUnitCodes: [PROVINCE_DEPARTMENT],
    });
    // and the toolbar's "Đơn vị phối hợp" shows the city as owner and the partner
    await page.getByTestId('modeler-partners').click();
    await dialog
      .getByTestId('partners-owner')
      .filter({ hasText: `(${CITY})` })
      .waitFor();
    await dialog.getByText('Sở Xây dựng (000.00.03.H15)').first().waitFor();
    await dialog.getByRole('button', { name: 'Hủy' }).click();

    // and the same diagram now deploys
    expect(await deployFromPage(page)).toBe(1);
    expect(pageErrors).toEqual([]);
  });

  it('tells an administrator below the owning unit, in Vietnamese, that the partners are not theirs to change', async () => {
    // given a key of the city with the department as partner (declared through the API) …
    const cityKey = `LienThong_${randomUUID().slice(0, 8)}`;
    const token = await tokenOf(server.url, 'admin');
    await call(server.url, `/api/definitions/${cityKey}/partners`, {
      token,
      method: 'PUT',
      body: JSON.stringify({ unitCodes: [PROVINCE_DEPARTMENT] }),
    });
    // … and an administrator of a ward under the city, with that key's diagram open
    const username = `ward-admin-${randomUUID().slice(0, 8)}`;
    const password = 'Quan-Tri-Phuong-2026';
    await server.app
      .get(UsersService)
      .create({ username, fullName: 'Quản Trị Phường', unitCode: '000.20.20.H15', roles: ['admin'], password });
    await signInOnPage(page, server.url, username, password);
    await openModeler(page, server.url);
    await importFile(page, 'lien-thong.bpmn', interAgencyDiagram(cityKey));

    // when they try to declare the partners of that key
    await page.getByTestId('modeler-partners').click();
    const dialog = page.locator('.ant-modal').filter({ hasText: 'Đơn vị phối hợp liên thông' });
    await dialog.getByTestId('partners-owner').waitFor();
    await dialog.getByTestId('partners-submit').click();

    // then the refusal is explained in Vietnamese and the partners are unchanged
    await dialog.getByTestId('partners-error').filter({ hasText: 'ngoài phạm vi bạn quản trị' }).waitFor();
    expect(await call(server.url, `/api/definitions/${cityKey}/ownership`, { token })).toEqual({
      key: cityKey,
      ownerUnitCode: CITY,
      partnerUnitCodes: [PROVINCE_DEPARTMENT],
    });
    expect(pageErrors).toEqual([]);
  });

  it("shows the owner of a procedure's process key from the procedure drawer", async () => {
    // given the city administrator on the catalog, editing the birth registration (key dang-ky-khai-sinh, the city's)
    await signInOnPage(page, server.url, 'admin', PASSWORD);
    await page.getByRole('link', { name: 'Danh mục thủ tục' }).click();
    await page.getByTestId('procedure-row-1.001193').waitFor();
    await page
      .locator('tr', { has: page.getByTestId('procedure-row-1.001193') })
      .getByRole('button', { name: 'Sửa' })
      .click();

    // when they open the partners of its process
    await page.getByTestId('procedure-partners').click();

    // then the city is shown as its owner
    const dialog = page.locator('.ant-modal').filter({ hasText: 'Đơn vị phối hợp liên thông' });
    await dialog
      .getByTestId('partners-owner')
      .filter({ hasText: `(${CITY})` })
      .waitFor();
    expect(await dialog.textContent()).toContain('dang-ky-khai-sinh');
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    expect(pageErrors).toEqual([]);
  });
});
