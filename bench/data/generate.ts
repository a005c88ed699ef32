/**
 * `npm run bench:data`: a province-size database (bench/data/README.md). Real migrations, the
 * demo seed, then templates made by the real services, copied with COPY into ~260 units.
 * Options: --dossiers N (default 1,200,000), --open N dossiers with an open step (1,000,000),
 * --weeks N of history (104), --overdue-share (0.15) of open dossiers past due, spread over
 * --open-weeks N (8), --seed N. BENCH_DATABASE_URL picks the database.
 */
import 'reflect-metadata';
import { Client } from 'pg';
import { join } from 'node:path';
import { recreateDatabase, runMigrations } from '../../libs/database/src/migrate';
import { seededRandom } from './applicants';
import { copyColumns, dropSecondaryIndexes, LOADED_TABLES, type LoadedTable } from './copy.loader';
import { loadClones, type LoadPlan } from './clone.loader';
import { finishLoad, insertProvince } from './province.loader';
import { buildProcedures } from './procedures';
import { buildProvince } from './province';
import { compileTemplates, deleteTemplates } from './template.rows';
import { buildTemplates, startTemplateServer } from './templates.builder';

const root = join(__dirname, '..', '..', '..');

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1].replace(/[_,]/g, '')) : fallback;
}

/** Monday 00:00 UTC of the week holding (now − 5 days): every template step lies in the past. */
function templateMonday(now: Date): Date {
  const d = new Date(now.getTime() - 5 * 86_400_000);
  const monday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  return monday;
}

async function main() {
  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/motcua_bench';
  const plan: LoadPlan = {
    dossiers: option('dossiers', 1_200_000),
    open: option('open', 1_000_000),
    weeks: option('weeks', 104),
    openWeeks: option('open-weeks', 8),
    overdueShare: option('overdue-share', 0.15),
    random: seededRandom(option('seed', 20261128)),
  };
  plan.open = Math.min(plan.open, plan.dossiers);
  Object.assign(process.env, {
    DATABASE_URL: url,
    RUN_WORKERS: 'false',
    QUEUE_PREFIX: `bench-data-${Date.now()}`,
    JWT_SECRET: process.env.JWT_SECRET ?? 'bench-only-secret',
  });
  process.env.REDIS_URL ??= 'redis://127.0.0.1:6379/11';
  const started = Date.now();
  const phase = (label: string) => console.log(`${((Date.now() - started) / 1000).toFixed(1).padStart(7)} s  ${label}`);
  console.log(
    `bench:data → ${url.replace(/\/\/[^@]*@/, '//')}: ${plan.dossiers.toLocaleString('en')} dossiers, ${plan.open.toLocaleString('en')} open`,
  );

  await recreateDatabase(url);
  await runMigrations();
  phase('database recreated from the migrations');
  const province = buildProvince();
  const procedures = buildProcedures(root);
  const { app, clock } = await startTemplateServer();
  const db = new Client({ connectionString: url });
  await db.connect();
  await insertProvince(db, province, procedures);
  phase(`${province.units.length} units, ${procedures.length} procedures, demo seed`);
  const templates = await buildTemplates(app, clock, procedures, templateMonday(new Date()));
  await app.close();
  phase(`${templates.length} template dossiers made by the real services`);

  const columns = {} as Record<LoadedTable, string[]>;
  for (const table of LOADED_TABLES) columns[table] = await copyColumns(db, table);
  const compiled = await compileTemplates(db, templates, columns);
  await deleteTemplates(db, templates);
  const rebuild = await dropSecondaryIndexes(db);
  phase('templates compiled; secondary indexes dropped for the load');

  const rows = await loadClones(url, columns, compiled, province, procedures, plan);
  phase(`COPY done: ${LOADED_TABLES.map((t) => `${t} ${rows.get(t)!.toLocaleString('en')}`).join(', ')}`);
  await finishLoad(db, rebuild, (label) => phase(label));
  const [{ n: openTasks }] = (await db.query(`SELECT count(*)::int AS n FROM tasks WHERE status = 'open'`)).rows;
  const [{ size }] = (await db.query(`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`)).rows;
  phase(`done: ${openTasks.toLocaleString('en')} open tasks, database ${size}`);
  await db.end();
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
