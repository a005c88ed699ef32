/**
 * `npm run bench`: durable task completions per second on the four-user-task procedure, in
 * process and over HTTP, beside the raw Postgres commit rate and bpmn-engine on the same diagram,
 * all in one run on one machine. Results go to stdout and bench/out/latest.json; copy them with
 * the machine description into bench/RESULTS.md.
 */
import 'reflect-metadata';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { bpmnEngineRate } from './lib/bpmn-engine.bench';
import { durableRate } from './lib/durable.bench';
import { pureEngineRate } from './lib/pure-engine.bench';
import { createApp } from '../apps/server/src/app.factory';
import { seedDemo } from '../apps/server/src/seed/demo.seed';
import { runMigrations, recreateDatabase } from '../libs/database/src/migrate';
import { rawCommitRate } from './lib/raw-postgres.bench';

const root = join(__dirname, '..', '..');
const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
// Not motcua_bench: that one holds the province-size data of bench:data, and this benchmark recreates its database.
const DATABASE_URL = process.env.BENCH_ENGINE_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/motcua_bench_engine';

async function main() {
  process.env.DATABASE_URL = DATABASE_URL;
  process.env.REDIS_URL ??= 'redis://127.0.0.1:6379/2';
  process.env.QUEUE_PREFIX = `bench-${Date.now()}`;
  process.env.JWT_SECRET ??= 'bench-only-secret';
  process.env.DB_POOL_SIZE ??= String(CONCURRENCY);
  const xml = readFileSync(join(root, 'libs/engine/src/__fixtures__/four-steps.bpmn'), 'utf8');

  await recreateDatabase(DATABASE_URL);
  await runMigrations();
  const app = await createApp({ logger: false });
  await seedDemo(app);
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;

  const log = (label: string, value: { perSecond: number; completions?: number; commits?: number; seconds: number }) =>
    console.log(
      `${label.padEnd(34)} ${value.perSecond.toFixed(0).padStart(7)} /s  (${value.completions ?? value.commits} in ${value.seconds.toFixed(2)} s)`,
    );

  console.log(
    `instances=${INSTANCES} concurrency=${CONCURRENCY} cpus=${cpus().length} (${cpus()[0]?.model}) mem=${Math.round(totalmem() / 2 ** 30)} GiB`,
  );
  const raw = await rawCommitRate(DATABASE_URL, { concurrency: CONCURRENCY, seconds: 10 });
  log('raw Postgres commits (simple-update)', raw);
  // Not timed: the raw phase leaves ~36,000 dead rows that autovacuum would clean up during the next phase.
  await settle(DATABASE_URL);
  const inProcess = await durableRate(app, xml, { instances: INSTANCES, concurrency: CONCURRENCY, via: 'in-process' });
  log('motcua durable, in process', inProcess.completions);
  log('  (instance starts, in process)', inProcess.starts);
  const http = await durableRate(app, xml, {
    instances: Math.ceil(INSTANCES / 2),
    concurrency: CONCURRENCY,
    via: 'http',
    url,
  });
  log('motcua durable, over HTTP', http.completions);
  const peer = await bpmnEngineRate(xml, { instances: Math.ceil(INSTANCES / 2), concurrency: CONCURRENCY });
  log('bpmn-engine, in memory', peer);
  const pure = await pureEngineRate(xml, INSTANCES * 5);
  log('motcua pure engine, in memory', pure);
  await app.close();

  const ratios = {
    durableVsBpmnEngine: inProcess.completions.perSecond / peer.perSecond,
    durableVsRawCommits: inProcess.completions.perSecond / raw.perSecond,
    httpVsRawCommits: http.completions.perSecond / raw.perSecond,
  };
  console.log(
    `ratios: durable/bpmn-engine = ${ratios.durableVsBpmnEngine.toFixed(1)}x, durable/raw commits = ${ratios.durableVsRawCommits.toFixed(2)}, http/raw = ${ratios.httpVsRawCommits.toFixed(2)}`,
  );
  mkdirSync(join(root, 'bench/out'), { recursive: true });
  writeFileSync(
    join(root, 'bench/out/latest.json'),
    JSON.stringify(
      {
        at: new Date().toISOString(),
        instances: INSTANCES,
        concurrency: CONCURRENCY,
        raw,
        inProcess,
        http,
        peer,
        pure,
        ratios,
      },
      null,
      2,
    ),
  );
  process.exit(0);
}

/** Vacuums what the raw phase left, so each timed phase starts on a quiet database. */
async function settle(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('VACUUM ANALYZE bench_accounts, bench_history');
  await client.end();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
