/** The parts of an autocannon result this benchmark reads (autocannon ships no types). */
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p90: number; p97_5: number; p99: number; max: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}

type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as Autocannon;

export interface HttpRate {
  perSecond: number;
  total: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  non2xx: number;
  errors: number;
}

/** Runs autocannon for `seconds` with `connections`, each request's path from `paths` in turn (and bearer token from `tokens`, if any). */
export async function hammer(
  url: string,
  paths: string[],
  options: { seconds: number; connections: number; token?: string; tokens?: string[] },
): Promise<HttpRate> {
  let next = 0;
  const tokens = options.tokens?.length ? options.tokens : undefined;
  const withToken = (req: Record<string, unknown>, i: number) =>
    tokens
      ? {
          ...req,
          headers: {
            ...(req.headers as object),
            authorization: `Bearer ${tokens[Math.floor(i / paths.length) % tokens.length]}`,
          },
        }
      : req;
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
    requests: [
      {
        setupRequest: (req: Record<string, unknown>) => {
          const i = next++;
          return withToken({ ...req, path: paths[i % paths.length] }, i);
        },
      },
    ],
  });
  return {
    perSecond: Math.round(result.requests.total / result.duration),
    total: result.requests.total,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** Latency percentiles of `count` requests, `concurrency` in flight (p95 as the inbox target states it). */
export async function timed(
  url: string,
  requests: { path: string; token?: string }[],
  options: { count: number; concurrency: number },
): Promise<{ p50Ms: number; p95Ms: number; p99Ms: number; failures: number }> {
  const samples: number[] = [];
  let failures = 0;
  let i = 0;
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (i < options.count) {
        const { path, token } = requests[i++ % requests.length];
        const started = performance.now();
        const res = await fetch(`${url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
        await res.arrayBuffer();
        samples.push(performance.now() - started);
        if (!res.ok) failures++;
      }
    }),
  );
  samples.sort((a, b) => a - b);
  const at = (q: number) => Math.round(samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] * 10) / 10;
  return { p50Ms: at(0.5), p95Ms: at(0.95), p99Ms: at(0.99), failures };
}
