/**
 * `npm run bench:web`: what each public page costs a citizen on a slow phone connection. For each
 * route, a fresh Chromium context (empty cache) opens the page under DevTools' network throttling
 * and records every JavaScript file the first load fetches (decoded size, our own gzip -9 of it,
 * and the bytes on the wire, i.e. what the server's compression left), and the time from
 * navigation start until the page's content is on screen (a MutationObserver installed before any
 * script sees the content's element appear).
 *
 * Needs a running server with the built web app: `WEB_URL=http://127.0.0.1:3000` (default). The
 * profile is `BENCH_NETWORK=fast3g` (default) or `slow3g`; `BENCH_RUNS` loads per route (default 3,
 * the median is reported); `BENCH_ROUTES=/tra-cuu,/kiosk` to measure only those. Writes bench/out/web-size.json; copy the table into bench/RESULTS.md
 * with the machine and its load.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

/**
 * DevTools' presets (front_end/core/sdk/NetworkManager.ts). "Fast 3G" is the preset DevTools now
 * calls "Slow 4G" (same numbers); "Slow 3G" is the one it now calls "3G".
 */
export const NETWORK_PROFILES = {
  fast3g: {
    name: 'DevTools "Fast 3G" (1.6 Mbit/s × 0.9 down, 750 kbit/s × 0.9 up, 562.5 ms latency)',
    latency: 562.5,
    downloadThroughput: ((1.6 * 1000 * 1000) / 8) * 0.9,
    uploadThroughput: ((750 * 1000) / 8) * 0.9,
  },
  slow3g: {
    name: 'DevTools "Slow 3G" (500 kbit/s × 0.8 each way, 2,000 ms latency)',
    latency: 2000,
    downloadThroughput: ((500 * 1000) / 8) * 0.8,
    uploadThroughput: ((500 * 1000) / 8) * 0.8,
  },
} as const;

/**
 * Public routes and the element that means "the citizen sees the page": for /thong-ke the figures,
 * for the catalog its list and for a procedure its fee (both after their JSON has arrived).
 */
export const PUBLIC_ROUTES: { path: string; content: string }[] = [
  { path: '/tra-cuu', content: '[data-testid="lookup-code"]' },
  { path: '/thu-tuc', content: '[data-testid="catalog-list"]' },
  { path: '/thu-tuc/1.001612', content: '[data-testid="procedure-fee"]' },
  { path: '/kiosk', content: '[data-testid="kiosk-search"]' },
  { path: '/thong-ke', content: '[data-testid="stats-updated"]' },
];

export interface ScriptLoad {
  url: string;
  raw: number;
  gzip: number;
  wire: number;
  encoding: string;
}

export interface PageLoad {
  path: string;
  scripts: ScriptLoad[];
  raw: number;
  gzip: number;
  wire: number;
  /** ms from navigation start until the content element exists. */
  contentMs: number;
}

/** One cold load of `path` on `baseUrl` under `profile`. */
export async function loadPage(
  baseUrl: string,
  route: { path: string; content: string },
  profile: keyof typeof NETWORK_PROFILES | null,
  viewport = { width: 390, height: 844 },
): Promise<PageLoad> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
  try {
    const context = await browser.newContext({ locale: 'vi-VN', viewport });
    await context.addInitScript((selector: string) => {
      const mark = () => {
        if (
          (window as unknown as { __contentAt?: number }).__contentAt === undefined &&
          document.querySelector(selector)
        ) {
          (window as unknown as { __contentAt?: number }).__contentAt = performance.now();
        }
      };
      new MutationObserver(mark).observe(document, { childList: true, subtree: true });
    }, route.content);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (profile) {
      const { latency, downloadThroughput, uploadThroughput } = NETWORK_PROFILES[profile];
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency,
        downloadThroughput,
        uploadThroughput,
      });
    }
    const requests = new Map<string, { url: string; encoding: string; script: boolean }>();
    const wire = new Map<string, number>();
    cdp.on('Network.responseReceived', (event) => {
      const headers = Object.fromEntries(
        Object.entries(event.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]),
      );
      requests.set(event.requestId, {
        url: event.response.url,
        encoding: headers['content-encoding'] ?? 'identity',
        script: event.type === 'Script',
      });
    });
    cdp.on('Network.loadingFinished', (event) => wire.set(event.requestId, event.encodedDataLength));
    const bodies = new Map<string, number>();
    const gz = new Map<string, number>();
    page.on('response', async (response) => {
      if (response.request().resourceType() !== 'script') return;
      const body = await response.body().catch(() => Buffer.alloc(0));
      bodies.set(response.url(), body.length);
      gz.set(response.url(), gzipSync(body, { level: 9 }).length);
    });
    await page.goto(`${baseUrl}${route.path}`, { waitUntil: 'commit' });
    await page.waitForFunction(
      () => (window as unknown as { __contentAt?: number }).__contentAt !== undefined,
      undefined,
      { timeout: 120_000, polling: 100 },
    );
    const contentMs = await page.evaluate(() => (window as unknown as { __contentAt: number }).__contentAt);
    await page.waitForLoadState('networkidle');
    const scripts: ScriptLoad[] = [];
    for (const [id, request] of requests) {
      if (!request.script) continue;
      scripts.push({
        url: new URL(request.url).pathname,
        raw: bodies.get(request.url) ?? 0,
        gzip: gz.get(request.url) ?? 0,
        wire: wire.get(id) ?? 0,
        encoding: request.encoding,
      });
    }
    scripts.sort((a, b) => b.raw - a.raw);
    const sum = (key: 'raw' | 'gzip' | 'wire') => scripts.reduce((total, script) => total + script[key], 0);
    return {
      path: route.path,
      scripts,
      raw: sum('raw'),
      gzip: sum('gzip'),
      wire: sum('wire'),
      contentMs: Math.round(contentMs),
    };
  } finally {
    await browser.close();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main() {
  const baseUrl = process.env.WEB_URL ?? 'http://127.0.0.1:3000';
  const profile = (process.env.BENCH_NETWORK ?? 'fast3g') as keyof typeof NETWORK_PROFILES;
  if (!(profile in NETWORK_PROFILES))
    throw new Error(`BENCH_NETWORK: ${profile} is not one of ${Object.keys(NETWORK_PROFILES).join(', ')}`);
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  console.log(
    `${new Date().toISOString()} ${cpus().length} CPU, ${Math.round(totalmem() / 2 ** 30)} GiB, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}; ${NETWORK_PROFILES[profile].name}; ${runs} cold loads per route, median`,
  );
  const results: (PageLoad & { times: number[] })[] = [];
  const only = process.env.BENCH_ROUTES?.split(',');
  for (const route of PUBLIC_ROUTES.filter((r) => !only || only.includes(r.path))) {
    const loads: PageLoad[] = [];
    for (let i = 0; i < runs; i++) loads.push(await loadPage(baseUrl, route, profile));
    const times = loads.map((load) => load.contentMs).sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    results.push({ ...loads[0], contentMs: median, times });
    console.log(
      `\n${route.path}: ${loads[0].scripts.length} scripts, ${kb(loads[0].raw)} raw, ${kb(loads[0].gzip)} gzip -9, ${kb(loads[0].wire)} on the wire; content at ${median} ms (runs: ${times.join(', ')} ms)`,
    );
    for (const script of loads[0].scripts)
      console.log(
        `  ${script.url}  ${kb(script.raw)} raw, ${kb(script.gzip)} gzip, ${kb(script.wire)} wire (${script.encoding})`,
      );
  }
  const out = join(__dirname, '..', '..', 'bench', 'out');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, 'web-size.json'),
    JSON.stringify(
      { at: new Date().toISOString(), profile: NETWORK_PROFILES[profile], loadavg: loadavg(), results },
      null,
      2,
    ),
  );
  console.log(
    `\n| page | JS files | raw | gzip | on the wire | content shown (median of ${runs}) |\n| --- | --- | --- | --- | --- | --- |`,
  );
  for (const r of results)
    console.log(
      `| ${r.path} | ${r.scripts.length} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.wire)} | ${(r.contentMs / 1000).toFixed(2)} s |`,
    );
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
