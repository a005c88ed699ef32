/**
 * `node dist/bench/search/search-plans.js [DATABASE_URL]` (after `npm run build:server`): EXPLAIN ANALYZE of
 * the accent-insensitive searches (issue 19 item 2) as the repositories write them, on a database filled by
 * bench/search/generate.sql (200,000 dossiers, one open step each, 60,000 of them at the city's desk).
 * Prints each search's statements' execution times; PLANS=1 prints the plans. See bench/search/README.md.
 */
import 'reflect-metadata';
import { Client } from 'pg';
import type { AuthUser } from '../../libs/common/src';
import { DossiersRepository } from '../../libs/dossiers/src/repositories/dossiers.repository';
import { DOSSIER_INBOX_SUBJECT } from '../../libs/dossiers/src/repositories/dossier-inbox-subject';
import { InboxSubjects } from '../../libs/workflow/src/persistence/inbox-subjects';
import { TasksRepository } from '../../libs/workflow/src/persistence/tasks.repository';
import { explain, recorder } from '../size-plans';

type Captured = { sql: string; params: unknown[] };

async function main() {
  const url =
    process.argv[2] ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/motcua_test_search_size';
  const user = { username: 'specialist', unitCode: '000.00.20.H15', roles: ['specialist'] } as AuthUser;
  const now = new Date('2026-12-07T10:00:00Z');
  const subjects = new InboxSubjects();
  subjects.provide(DOSSIER_INBOX_SUBJECT);
  const statements: Record<string, Captured[]> = {};
  const capture = async (name: string, run: (db: ReturnType<typeof recorder>) => Promise<unknown>) => {
    const list: Captured[] = [];
    const db = recorder(list);
    // Each statement keeps a copy of its parameters: a repository may push the page's after sending the count.
    const query = db.query.bind(db);
    Object.assign(db, { query: (sql: string, params: unknown[] = []) => query(sql, [...params]) });
    await run(db).catch(() => undefined);
    statements[name] = list;
  };
  for (const q of ['nguyen duc tuyet', 'Đặng Thị Thu Hằng', '0123456', '000.00.20.H15-261005', 'Nguyen Van']) {
    await capture(`inbox q=${q}`, (db) =>
      new TasksRepository(db, subjects).inbox(user, { q, limit: 20, offset: 0 }, now),
    );
  }
  for (const q of ['dang thi thu hang', '0123456', 'Nguyen Van']) {
    await capture(`dossiers q=${q}`, (db) => new DossiersRepository(db).list(user, { q, limit: 20, offset: 0 }, now));
  }
  const db = new Client({ connectionString: url });
  await db.connect();
  const { text, ms } = await explain(db, statements);
  await db.end();
  for (const [name, total] of Object.entries(ms)) console.log(`${name}: ${total.toFixed(1)} ms`);
  if (process.env.PLANS) console.log(text);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
