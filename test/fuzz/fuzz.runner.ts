import http from 'node:http';

export interface FuzzRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Loopback source address, so per-IP rate limits do not turn every case into a 429. */
  localAddress?: string;
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
    // 401/403 apart: a body refused at the guard never reached validation.
    const statusClass = status === 0 ? 'no answer' : status === 401 || status === 403 ? String(status) : `${Math.floor(status / 100)}xx`;
    entry.byClass[statusClass] = (entry.byClass[statusClass] ?? 0) + 1;
    if (status === 0 || status >= 500) {
      const body = request.body === undefined ? undefined : String(request.body).slice(0, 400);
      this.serverErrors.push({ family, request: { method: request.method, path: request.path.slice(0, 200), body }, status, answer: answer.slice(0, 300) });
    }
  }

  errorsOf(family: string): ServerError[] {
    return this.serverErrors.filter((error) => error.family === family);
  }

  get total(): number {
    return Object.values(this.counts).reduce((sum, entry) => sum + entry.cases, 0);
  }

  summary(): string {
    const lines = Object.entries(this.counts).map(([family, entry]) => `  ${family.padEnd(14)} ${String(entry.cases).padStart(6)}  ${JSON.stringify(entry.byClass)}`);
    return `fuzz: ${this.total} cases, ${this.serverErrors.length} answers 5xx or none\n${lines.join('\n')}`;
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
      { method: request.method, headers: request.headers, agent: false, localAddress: request.localAddress, timeout: 30_000 },
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

/** Runs the cases `concurrency` at a time and tallies each answer under `family`. */
export async function runCases(baseUrl: string, family: string, cases: readonly FuzzRequest[], tally: FuzzTally, concurrency = 6): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const request = cases[next++];
      const { status, text } = await send(baseUrl, request);
      tally.record(family, request, status, text);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** A loopback address per case (127.0.0.0/8 is all local). */
export function loopback(index: number): string {
  return `127.${(index >> 16) & 255}.${(index >> 8) & 255}.${(index & 255) || 1}`;
}
