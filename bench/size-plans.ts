import type { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../libs/common/src';
import { PeriodRepository } from '../libs/reports/src/services/period.repository';
import { reportPeriod } from '../libs/reports/src/domain/summary.rules';
import { ReportsRepository } from '../libs/reports/src/services/reports.repository';
import { DOSSIER_INBOX_SUBJECT } from '../libs/dossiers/src/repositories/dossier-inbox-subject';
import { InboxSubjects } from '../libs/workflow/src/persistence/inbox-subjects';
import { TasksRepository } from '../libs/workflow/src/persistence/tasks.repository';

interface Captured {
  sql: string;
  params: unknown[];
}

/** A DataSource that records the statements a repository sends (in its transactions too) and answers each with no rows. */
export function recorder(captured: Captured[]): DataSource {
  const rows = [{ n: 0, total: 0, steps: 0 }];
  const db = {
    query: async (sql: string, params: unknown[] = []) => (captured.push({ sql, params }), rows),
    transaction: async (...args: unknown[]) => (args[args.length - 1] as (m: unknown) => Promise<unknown>)(db),
  };
  return db as unknown as DataSource;
}

/** Named statements exactly as the application's repositories write them (no copy of their SQL here). */
export async function applicationStatements(input: {
  now: Date;
  year: number;
  provinceUnits: string[];
  districtUnits: string[];
  inboxUser: AuthUser;
}): Promise<Record<string, Captured[]>> {
  const statements: Record<string, Captured[]> = {};
  const capture = async (name: string, run: (db: DataSource) => Promise<unknown>) => {
    statements[name] = [];
    await run(recorder(statements[name])).catch(() => undefined);
  };
  const period = reportPeriod(`${input.year}-01-01`, `${input.year}-12-31`);
  await capture('II.06a summary, province, year', (db) =>
    new PeriodRepository(db).summary(period, input.provinceUnits, 'unit'),
  );
  await capture('overdue report, district, first page', (db) =>
    new ReportsRepository(db).overdue(input.now, input.districtUnits, {}, { sort: 'late', limit: 50, offset: 0 }),
  );
  await capture('overdue report, province, first page', (db) =>
    new ReportsRepository(db).overdue(input.now, input.provinceUnits, {}, { sort: 'late', limit: 50, offset: 0 }),
  );
  // The inbox with the dossier columns and search as the server runs it (libs/dossiers fills the port).
  const subjects = new InboxSubjects();
  subjects.provide(DOSSIER_INBOX_SUBJECT);
  const inbox = (db: DataSource) => new TasksRepository(db, subjects);
  await capture('inbox page', (db) => inbox(db).inbox(input.inboxUser, { limit: 20, offset: 0 }, input.now));
  await capture('inbox overdue filter', (db) =>
    inbox(db).inbox(input.inboxUser, { limit: 20, offset: 0, overdue: true }, input.now),
  );
  await capture('inbox applicant search, accents ignored', (db) =>
    inbox(db).inbox(input.inboxUser, { limit: 20, offset: 0, q: 'Nguyen Van' }, input.now),
  );
  return statements;
}

/** EXPLAIN (ANALYZE, BUFFERS) of each statement; returns the plans as text and each statement's execution time. */
export async function explain(
  db: Client,
  statements: Record<string, Captured[]>,
): Promise<{ text: string; ms: Record<string, number> }> {
  let text = '';
  const ms: Record<string, number> = {};
  for (const [name, list] of Object.entries(statements)) {
    ms[name] = 0;
    // One transaction per report, as the repository runs it: its SET LOCAL settings apply, then roll back.
    await db.query('BEGIN');
    for (const [i, { sql, params }] of list.entries()) {
      if (/^\s*SET /i.test(sql)) {
        await db.query(sql, params);
        text += `\n--- ${name}: ${sql.trim()}\n`;
        continue;
      }
      const { rows } = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
      const plan = rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
      ms[name] += Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? 0);
      text += `\n=== ${name}${list.length > 1 ? ` (statement ${i + 1} of ${list.length})` : ''}\n${plan}\n`;
    }
    await db.query('ROLLBACK');
  }
  return { text, ms };
}
