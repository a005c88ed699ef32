import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (apt-get install chromium); `npx playwright install` cannot download here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless Chromium with the flags this machine's closed network needs (no background calls home),
 * plus `extraArgs` (e.g. a fake camera: `--use-fake-device-for-media-stream`).
 */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', ...extraArgs],
  });
}
