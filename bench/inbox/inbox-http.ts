/**
 * `node dist/bench/inbox/inbox-http.js [BASE_URL]` (issue 19, "Must show"): the inbox's accent-insensitive
 * search and the process heatmap timed as whole HTTP requests against the built server, on the province-size
 * database of bench/inbox/generate.sql (bench/inbox/README.md). Each search: 10 warm-up requests, then
 * REQUESTS (default 200) one after another, page 1 of 20 as the web app asks; p50/p95/max in ms. The
 * heatmap: one procedure (1.001612) for 2025 as the province's leader, HEATMAP_RUNS (default 5) requests.
 */
const BASE = process.argv[2] ?? process.env.BENCH_URL ?? 'http://127.0.0.1:3417';
const PASSWORD = process.env.DEMO_PASSWORD ?? 'motcua-demo';
const REQUESTS = Number(process.env.REQUESTS ?? 200);
const WARMUP = Number(process.env.WARMUP ?? 10);
const HEATMAP_RUNS = Number(process.env.HEATMAP_RUNS ?? 5);

const SEARCHES = process.env.SEARCHES
  ? process.env.SEARCHES.split('|')
  : ['Nguyen Van', 'nguyễn văn', 'Đặng Thị Thu Hằng', 'nguyen duc tuyet', '0123456', '000.00.20.H15-2512'];

async function token(username: string): Promise<string> {
  const res = await fetch(`${BASE}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function timed(url: string, bearer: string): Promise<{ ms: number; body: unknown }> {
  const started = performance.now();
  const res = await fetch(url, { headers: { Authorization: `Bearer ${bearer}` } });
  const body: unknown = await res.json();
  const ms = performance.now() - started;
  if (!res.ok) throw new Error(`${url}: ${res.status} ${JSON.stringify(body)}`);
  return { ms, body };
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function main() {
  const specialist = await token('specialist');
  console.log(`inbox search as specialist (000.00.20.H15), ${REQUESTS} requests each, page 1 of 20`);
  console.log('| search | total | p50 | p95 | max |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const q of SEARCHES) {
    const url = `${BASE}/api/tasks?q=${encodeURIComponent(q)}&limit=20&offset=0`;
    for (let i = 0; i < WARMUP; i++) await timed(url, specialist);
    const times: number[] = [];
    let total = '';
    for (let i = 0; i < REQUESTS; i++) {
      const { ms, body } = await timed(url, specialist);
      times.push(ms);
      const page = body as { total: number; totalCapped?: boolean; items: unknown[] };
      total = `${page.totalCapped ? '≥ ' : ''}${page.total} (${page.items.length} shown)`;
    }
    times.sort((a, b) => a - b);
    console.log(
      `| \`${q}\` | ${total} | ${pct(times, 50).toFixed(1)} | ${pct(times, 95).toFixed(1)} | ${times[times.length - 1].toFixed(1)} |`,
    );
  }
  // The province's leader: the widest scope (every unit of the generated data that exists).
  const admin = await token('leader.tinh');
  const heatmap = `${BASE}/api/reports/heatmap?procedure=1.001612&from=2025-01-01&to=2025-12-31`;
  const runs: number[] = [];
  let steps = 0;
  for (let i = 0; i < HEATMAP_RUNS; i++) {
    const { ms, body } = await timed(heatmap, admin);
    runs.push(ms);
    const report = body as { elements?: { completed: number }[] };
    steps = (report.elements ?? []).reduce((n, e) => n + e.completed, 0);
  }
  console.log(
    `heatmap 1.001612, 2025, as leader.tinh (province): ${runs.map((ms) => ms.toFixed(0)).join(', ')} ms (${steps} completed steps)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
