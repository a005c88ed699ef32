import http from 'node:http';
import { createHistogram, performance, type RecordableHistogram } from 'node:perf_hooks';

export interface FuzzRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Loopback source address; unset, `runCases` gives each case its own, so per-address limits never answer for the code under test. */
  localAddress?: string;
  /** A request that follows this one's answer (start an instance of a deployed diagram, print a received dossier's receipt). */
  then?: (status: number, answer: string) => FuzzRequest | undefined;
}

export interface ServerError {
  family: string;
  request: { method: string; path: string; body?: string };
  status: number;
  answer: string;
}

/** Counts cases and answers per family; keeps every 5xx (and transport failure) with its input. */
export class FuzzTally {
  readonly counts: Record<string, { cases: number; byClass: Record<string, number> }> = {};
  readonly serverErrors: ServerError[] = [];

  record(family: string, request: FuzzRequest, status: number, answer: string): void {
    const entry = (this.counts[family] ??= { cases: 0, byClass: {} });
    entry.cases++;
    // 4xx by code: a 401/403 never reached validation and a 429 never reached the code at all.
    const statusClass =
      status === 0 ? 'no answer' : status >= 400 && status < 500 ? String(status) : `${Math.floor(status / 100)}xx`;
    entry.byClass[statusClass] = (entry.byClass[statusClass] ?? 0) + 1;
    if (status === 0 || status >= 500) {
      const body = request.body === undefined ? undefined : String(request.body).slice(0, 400);
      this.serverErrors.push({
        family,
        request: { method: request.method, path: request.path.slice(0, 200), body },
        status,
        answer: answer.slice(0, 300),
      });
    }
  }

  errorsOf(family: string): ServerError[] {
    return this.serverErrors.filter((error) => error.family === family);
  }

  get total(): number {
    return Object.values(this.counts).reduce((sum, entry) => sum + entry.cases, 0);
  }

  /** Answers of one status class (`429`, `2xx`…) in a family, or in all. */
  countOf(statusClass: string, family?: string): number {
    const entries =
      family === undefined ? Object.values(this.counts) : [this.counts[family] ?? { cases: 0, byClass: {} }];
    return entries.reduce((sum, entry) => sum + (entry.byClass[statusClass] ?? 0), 0);
  }

  /** How many cases of a family reached the code they test: all but those the rate limiter answered. */
  reached(family?: string): { cases: number; reached: number; throttled: number } {
    const cases = family === undefined ? this.total : (this.counts[family]?.cases ?? 0);
    const throttled = this.countOf('429', family);
    return { cases, reached: cases - throttled, throttled };
  }

  summary(): string {
    const lines = Object.entries(this.counts).map(
      ([family, entry]) =>
        `  ${family.padEnd(14)} ${String(entry.cases).padStart(6)}  ${JSON.stringify(entry.byClass)}`,
    );
    const { reached } = this.reached();
    return `fuzz: ${this.total} cases, ${reached} reached the code they test (not 429), ${this.serverErrors.length} answers 5xx or none\n${lines.join('\n')}`;
  }
}

/**
 * One HTTP exchange on its own connection (no keep-alive: reusing a socket the server is closing
 * would look like a crash). Status 0 when no answer came (a crash or a hang counts as that); an
 * answer that came before the server cut off an oversized upload counts as that answer.
 */
export function send(baseUrl: string, request: FuzzRequest): Promise<{ status: number; text: string }> {
  const url = new URL(request.path, baseUrl);
  return new Promise((resolve) => {
    let status = 0;
    let text = '';
    const req = http.request(
      url,
      {
        method: request.method,
        headers: request.headers,
        agent: false,
        localAddress: request.localAddress,
        timeout: 30_000,
      },
      (res) => {
        status = res.statusCode ?? 0;
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += text.length < 4000 ? chunk : ''));
        res.on('end', () => resolve({ status, text }));
        res.on('error', (error) => resolve({ status, text: text || String(error) }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error) => resolve({ status, text: text || String(error) }));
    if (request.body !== undefined) req.write(request.body);
    req.end();
  });
}

/** Cases in flight at once: enough to keep the server busy, few enough that one slow answer shows. */
export const CONCURRENCY = Number(process.env.FUZZ_CONCURRENCY ?? 8);

/**
 * Runs the cases `concurrency` at a time, each from its own loopback address unless it names one,
 * and tallies each answer (and each follow-up's) under `family`. The lag monitor, if given, records
 * only while cases run, not while they are generated.
 */
export async function runCases(
  baseUrl: string,
  family: string,
  cases: readonly FuzzRequest[],
  tally: FuzzTally,
  lag?: LagMonitor,
  concurrency = CONCURRENCY,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      let request: FuzzRequest | undefined = cases[next++];
      while (request) {
        const sent: FuzzRequest = { ...request, localAddress: request.localAddress ?? loopback() };
        const { status, text } = await send(baseUrl, sent);
        tally.record(family, sent, status, text);
        request = request.then?.(status, text);
      }
    }
  };
  lag?.enable(family);
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    lag?.disable(family);
  }
}

let addresses = 0;

/**
 * The next unused loopback address, 127.10.0.0 upwards (Linux routes all of 127/8 to `lo`). Never
 * 127.0.0.1, whose limits the other suites use; 65,536 per 127.x block before it moves to the next.
 */
export function loopback(): string {
  const index = addresses++;
  return `127.${10 + (index >> 16)}.${(index >> 8) & 255}.${index & 255}`;
}

const RESOLUTION_MS = 10;

/**
 * The event loop's delay in this process — the test server's too, since it runs in the jest
 * process — while cases run, overall and per family. A sample is the time between two ticks of a
 * 10 ms timer, so the 10 ms resolution is taken off: an idle loop reads 0, not 10. Each run of
 * cases starts a fresh timer: a reused `monitorEventLoopDelay` counts the whole time it was
 * disabled (the next cases being generated) as its first sample after `enable()`.
 */
export class LagMonitor {
  private readonly overall = new Lag();
  private readonly families = new Map<string, Lag>();

  enable(family: string): void {
    this.overall.enable();
    this.family(family).enable();
  }

  disable(family: string): void {
    this.overall.disable();
    this.family(family).disable();
  }

  get samples(): number {
    return this.overall.histogram.count;
  }

  /** The `p`th percentile of the lag in milliseconds. */
  percentile(p: number): number {
    return this.overall.percentile(p);
  }

  summary(): string {
    const lines = [...this.families].map(([family, lag]) => `  ${family.padEnd(14)} ${lag.summary()}`);
    return `event loop lag under the fuzz load: ${this.overall.summary()}\n${lines.join('\n')}`;
  }

  private family(name: string): Lag {
    if (!this.families.has(name)) this.families.set(name, new Lag());
    return this.families.get(name)!;
  }
}

/** Delays between ticks in microseconds, recorded only between `enable()` and `disable()`. */
class Lag {
  readonly histogram: RecordableHistogram = createHistogram();
  private timer?: NodeJS.Timeout;

  enable(): void {
    if (this.timer) return;
    let last = performance.now();
    this.timer = setInterval(() => {
      const now = performance.now();
      this.histogram.record(Math.max(1, Math.round((now - last) * 1000)));
      last = now;
    }, RESOLUTION_MS);
  }

  disable(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  percentile(p: number): number {
    return this.histogram.count ? Math.max(0, this.histogram.percentile(p) / 1e3 - RESOLUTION_MS) : 0;
  }

  summary(): string {
    const max = this.histogram.count ? Math.max(0, this.histogram.max / 1e3 - RESOLUTION_MS) : 0;
    return `p50 ${this.percentile(50).toFixed(1)} ms, p99 ${this.percentile(99).toFixed(1)} ms, max ${max.toFixed(1)} ms (${this.histogram.count} samples)`;
  }
}
