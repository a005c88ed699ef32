import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inbox at province size (bench/RESULTS.md "At province size": 1,000,000 open tasks). The
 * inbox counts a unit's open steps the caller may see; with the candidate groups, assignee,
 * overdue flag and instance id in this partial index that count is an index-only scan (a
 * district's 30,000 open steps: 127 ms of heap reads before, 14 ms after), and its key order is
 * the inbox's sort order, so a page is read in order with no sort. (The overdue dossiers of a
 * unit have their index in ReportIndexes.)
 * `IF NOT EXISTS`: on a live province create it first with `CREATE INDEX CONCURRENTLY` under the
 * same name (docs/operations.md, "Upgrades"); the migration then does nothing.
 */
export class ProvinceSizeIndexes1764303300000 implements MigrationInterface {
  name = 'ProvinceSizeIndexes1764303300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX IF NOT EXISTS tasks_open_inbox_idx ON tasks (unit_code, due_at, created_at, id)
      INCLUDE (candidate_groups, assignee, overdue_at, instance_id) WHERE status = 'open'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS tasks_open_inbox_idx`);
  }
}
