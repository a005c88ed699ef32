/**
 * `npm run bench:size`: the issue 9 benchmarks on the province-size database made by
 * `npm run bench:data` — public lookup throughput beside /health (autocannon), inbox latency at
 * ~1,000,000 open tasks, the yearly II.06a summary and the overdue report over HTTP, and the
 * query plans (EXPLAIN ANALYZE) of the statements behind them. Writes bench/out/size.json and
 * bench/out/size-plans.txt; copy the figures into bench/RESULTS.md with the machine and its load.
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { runMigrations } from '../libs/database/src/migrate';
import { accountName } from './data/template.compiler';
import { timed } from './size-http';
import { measureInbox, measureLookup } from './size-measures';
import { applicationStatements, explain } from './size-plans';
import { login, startServer } from './size-server';

const root = join(__dirname, '..', '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);

async function main() {
  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/motcua_bench';
  // Migrations added since the data was generated (new indexes) are applied first, and timed: an upgrade at size.
  const migrating = Date.now();
  const applied = await runMigrations({ ...process.env, DATABASE_URL: url });
  if (applied.length)
    console.log(
      `migrations applied at size in ${((Date.now() - migrating) / 1000).toFixed(1)} s: ${applied.join(', ')}`,
    );
  const db = new Client({ connectionString: url });
  await db.connect();
  const one = async <T>(sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows[0] as T;
  const size = await one<
    Record<string, number>
  >(`SELECT (SELECT count(*)::int FROM dossiers) AS dossiers, (SELECT count(*)::int FROM tasks WHERE status = 'open') AS "openTasks",
    (SELECT count(*)::int FROM history_events) AS "historyRows", (SELECT count(*)::int FROM units) AS units, (SELECT count(*)::int FROM procedures) AS procedures`);
  console.log(
    `database: ${JSON.stringify(size)}; machine: ${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB; load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const server = await startServer(url);
  try {
    // 1. Public lookup (code + key from the receipt, and code alone) against /health, same server, same run.
    const { health, lookup } = await measureLookup(server.url, db, { seconds: SECONDS, connections: CONNECTIONS });
    console.log(
      `/health ${health.perSecond}/s p99 ${health.p99Ms} ms; lookup ${lookup.perSecond}/s p99 ${lookup.p99Ms} ms (${(lookup.perSecond / health.perSecond).toFixed(2)} of /health), non-2xx ${lookup.non2xx}`,
    );

    // 2. Inbox: the officers of the units holding the most open steps, each on their first page and the overdue filter.
    const { busiest, inbox } = await measureInbox(server.url, db);
    console.log(
      `inbox (${busiest.map((b) => `${b.unit_code} ${b.n}`).join(', ')} open): p50 ${inbox.p50Ms} ms, p95 ${inbox.p95Ms} ms, p99 ${inbox.p99Ms} ms`,
    );

    // 3. Reports: the province leader's yearly II.06a, and the overdue report of a district and of the province.
    const year = new Date().getUTCFullYear();
    const province = await one<{ code: string }>(`SELECT code FROM units WHERE parent_id IS NULL`);
    const district = busiest.map((b) => b.unit_code).find((c) => c.slice(4, 6) === '00') ?? '000.00.20.H15';
    const provinceLeader = await login(server.url, accountName('leader', province.code));
    const reports = {
      summaryYearProvince: await timed(
        server.url,
        [{ path: `/api/reports/summary?from=${year}-01-01&to=${year}-12-31&groupBy=unit`, token: provinceLeader }],
        { count: 6, concurrency: 1 },
      ),
      overdueDistrict: await timed(
        server.url,
        [{ path: `/api/reports/overdue?unit=${district}&limit=50`, token: provinceLeader }],
        { count: 6, concurrency: 1 },
      ),
      overdueProvince: await timed(server.url, [{ path: `/api/reports/overdue?limit=50`, token: provinceLeader }], {
        count: 6,
        concurrency: 1,
      }),
      publicStats: await timed(server.url, [{ path: '/api/public/stats' }], { count: 6, concurrency: 1 }),
      metricsScrape: await timed(server.url, [{ path: '/metrics' }], { count: 6, concurrency: 1 }),
    };
    console.log(
      `reports (median of 6): ${Object.entries(reports)
        .map(([k, v]) => `${k} ${v.p50Ms} ms`)
        .join(', ')}`,
    );

    // 4. Plans of the statements behind them, as the repositories write them.
    const provinceUnits = (await db.query<{ code: string }>(`SELECT code FROM units`)).rows.map((r) => r.code);
    const districtUnits = provinceUnits.filter(
      (c) => c === district || (c.slice(7, 9) === district.slice(7, 9) && c.slice(4, 6) !== '00'),
    );
    const busiestUnit = busiest[0].unit_code;
    const inboxUser = {
      id: '',
      username: accountName('specialist', busiestUnit),
      fullName: '',
      unitId: '',
      unitCode: busiestUnit,
      roles: ['specialist:land', 'specialist:construction', 'specialist:business', 'specialist:civil'],
    };
    const plans = await explain(
      db,
      await applicationStatements({ now: new Date(), year, provinceUnits, districtUnits, inboxUser }),
    );
    console.log(
      `EXPLAIN ANALYZE execution: ${Object.entries(plans.ms)
        .map(([k, v]) => `${k} ${v.toFixed(1)} ms`)
        .join(', ')}`,
    );

    mkdirSync(join(root, 'bench/out'), { recursive: true });
    const at = new Date().toISOString();
    writeFileSync(
      join(root, 'bench/out/size.json'),
      JSON.stringify(
        { at, applied, size, load: loadavg(), health, lookup, busiest, inbox, reports, planMs: plans.ms },
        null,
        2,
      ),
    );
    writeFileSync(join(root, 'bench/out/size-plans.txt'), `bench:size plans, ${at}\n${plans.text}`);
  } finally {
    await server.stop();
    await db.end();
  }
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
