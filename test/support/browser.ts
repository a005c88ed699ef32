import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium (apt-get install chromium); `npx playwright install` cannot download here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless Chromium with the flags this machine's closed network needs (no background calls home),
 * plus `extraArgs` (e.g. a fake camera: `--use-fake-device-for-media-stream`).
 */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      ...extraArgs,
    ],
  });
}

/** Signs `username` in on the login page and waits for the inbox, where every officer lands. */
export async function signInOnPage(page: Page, serverUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${serverUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL('**/inbox');
}

/** From the inbox, opens Tiếp nhận hồ sơ and chooses the household-business procedure (1.001612). */
export async function openReceptionOfHouseholdBusiness(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Tiếp nhận hồ sơ' }).click();
  await page.waitForURL('**/tiep-nhan');
  await page.getByTestId('procedure-select').click();
  await page.keyboard.type('hộ kinh doanh');
  await page.locator('.ant-select-item-option', { hasText: '1.001612' }).click();
}
