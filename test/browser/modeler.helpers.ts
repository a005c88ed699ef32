import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import mc from '../../libs/engine/src/moddle/mc.json';

/** Steps and checks shared by the modeler's browser tests (issue 7). */

export const PASSWORD = process.env.DEMO_PASSWORD ?? 'motcua-demo';
/** The BPMN MIWG reference models (CC BY 3.0), kept in the repository: test/fixtures/miwg. */
export const MIWG = process.env.MIWG_FIXTURES ?? join(__dirname, '../fixtures/miwg');
export const MIWG_FILES = readdirSync(MIWG).filter((name) => name.endsWith('.bpmn'));
/** Phòng Tài nguyên và Môi trường of the demo city: specialist.tnmt (specialist:land) and head.tnmt work there. */
export const LAND_OFFICE = '000.03.20.H15';

export interface TaskView {
  id: string;
  elementId: string;
  status: string;
  unitCode: string;
  candidateGroups: string[];
  businessKey: string | null;
}

export async function call<T>(
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
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('json') ? JSON.parse(text) : text) as T;
}

export async function tokenOf(baseUrl: string, username: string): Promise<string> {
  const session = await call<{ accessToken: string }>(baseUrl, '/api/auth/login', {
    method: 'POST',
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  return session.accessToken;
}

export async function openTasks(baseUrl: string, token: string, businessKey: string): Promise<TaskView[]> {
  const inbox = await call<{ items: TaskView[] }>(
    baseUrl,
    `/api/tasks?q=${encodeURIComponent(businessKey)}&limit=100&offset=0`,
    { token },
  );
  return inbox.items.filter((task) => task.businessKey === businessKey && task.status === 'open');
}

/** Waits until `username` sees the open task `elementId` of the instance, then completes it. */
export async function completeStep(
  baseUrl: string,
  username: string,
  businessKey: string,
  elementId: string,
): Promise<void> {
  const token = await tokenOf(baseUrl, username);
  const task = await eventually(async () =>
    (await openTasks(baseUrl, token, businessKey)).find((t) => t.elementId === elementId),
  );
  await call(baseUrl, `/api/tasks/${task.id}/complete`, {
    token,
    method: 'POST',
    body: JSON.stringify({ variables: { approved: true } }),
  });
}

export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Every semantic element of a BPMN file (not its diagram interchange) as `id type`. */
export async function semanticElements(xml: string): Promise<string[]> {
  const { rootElement } = await BpmnModdle({ mc }).fromXML(xml);
  const found = new Set<string>();
  const seen = new Set<ModdleElement>();
  const walk = (element: ModdleElement) => {
    if (
      seen.has(element) ||
      element.$type.startsWith('bpmndi:') ||
      element.$type.startsWith('dc:') ||
      element.$type.startsWith('di:')
    )
      return;
    seen.add(element);
    // Namespace declarations are not attributes: bpmn-js may rewrite a default `xmlns` as a prefix.
    const attributes = Object.keys(element.$attrs ?? {}).filter(
      (name) => name !== 'xmlns' && !name.startsWith('xmlns:'),
    );
    if (element.id) found.add(`${element.id} ${element.$type} ${attributes.sort().join(',')}`);
    for (const property of element.$descriptor?.properties ?? []) {
      if (property.isReference) continue;
      const value = element[property.name];
      for (const child of Array.isArray(value) ? value : [value])
        if (child && typeof child === 'object' && child.$type) walk(child);
    }
  };
  walk(rootElement);
  return [...found].sort();
}

/** The `mc:` attributes of each element that has any. */
export async function mcAttributes(xml: string): Promise<Record<string, Record<string, unknown>>> {
  const { elementsById } = await BpmnModdle({ mc }).fromXML(xml);
  const names = [
    'procedureCode',
    'unit',
    'candidateGroups',
    'duration',
    'status',
    'form',
    'topic',
    'retries',
    'workingTime',
    'outcome',
    'reason',
  ];
  const result: Record<string, Record<string, unknown>> = {};
  for (const [id, element] of Object.entries(elementsById)) {
    const owner = element.$type === 'bpmn:TimerEventDefinition' ? (element.$parent?.id ?? id) : id;
    for (const name of names) {
      const value = element.get ? element.get(`mc:${name}`) : undefined;
      if (value !== undefined) result[owner] = { ...result[owner], [name]: value };
    }
  }
  return result;
}

export async function logIn(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL('**/inbox');
}

export async function openModeler(page: Page, _baseUrl: string): Promise<void> {
  await page.getByRole('link', { name: 'Thiết kế quy trình' }).click();
  await page.waitForURL('**/modeler');
  await page.locator('[data-element-id="Task_ThamDinh"]').waitFor();
}

export async function importFile(page: Page, name: string, xml: string): Promise<void> {
  await page
    .getByTestId('modeler-file-input')
    .setInputFiles({ name, mimeType: 'application/xml', buffer: Buffer.from(xml) });
  await page
    .getByTestId('modeler-origin')
    .filter({ hasText: `từ tệp ${name}` })
    .waitFor();
}

// Evaluated in the page (strings: this project's Node tsconfig has no DOM types).
export const exportXml = async (page: Page): Promise<string> =>
  (await page.evaluate('window.bpmnModeler.saveXML({ format: true }).then((r) => r.xml)')) as string;

export const processKey = async (page: Page): Promise<string> =>
  (await page.evaluate(
    "window.bpmnModeler.getDefinitions().rootElements.find((root) => root.$type === 'bpmn:Process').id",
  )) as string;

export async function select(page: Page, elementId: string): Promise<void> {
  await page.locator(`.djs-element[data-element-id="${elementId}"]`).first().click();
  await page.locator('.bio-properties-panel-header-label').waitFor();
}

/** Moves a shape right with the keyboard (Shift+→ moves the selection 10 px). */
export async function moveRight(page: Page, elementId: string, steps: number): Promise<void> {
  await page.locator(`.djs-shape[data-element-id="${elementId}"]`).click();
  for (let step = 0; step < steps; step++) await page.keyboard.press('Shift+ArrowRight');
}

export async function openGroup(page: Page, groupId: string): Promise<void> {
  const header = page.locator(`[data-group-id="group-${groupId}"] > .bio-properties-panel-group-header`);
  if (!(await header.getAttribute('class'))?.includes('open')) await header.click();
}

/** Deploys from the page once the validation is done and shows no error; returns the version. */
export async function deployFromPage(page: Page): Promise<number> {
  const deploy = page.getByTestId('modeler-deploy');
  await page.locator('[data-testid="server-check"]:not([data-state="checking"])').waitFor();
  await page.locator('[data-testid="modeler-deploy"]:not([disabled])').waitFor({ timeout: 5000 });
  await deploy.click();
  const notice = page.locator('.ant-message').getByText(/Đã triển khai phiên bản \d+/);
  await notice.waitFor();
  return Number(/phiên bản (\d+)/.exec((await notice.textContent()) ?? '')![1]);
}
