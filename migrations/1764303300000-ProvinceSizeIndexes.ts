import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes found missing at province size (bench/RESULTS.md "At province size": 1,200,000
 * dossiers, 1,000,000 open tasks). Both are partial, over open work only.
 * - The inbox counts a unit's open steps the caller may see; with the candidate groups, assignee,
 *   overdue flag and instance id in the index that count is an index-only scan (a district's
 *   30,000 open steps: 127 ms of heap reads before, 14 ms after), and the key order is the inbox's
 *   sort order, so a page is read in order with no sort.
 * - The overdue report and the dashboards look for a unit subtree's dossiers past their
 *   appointment: by unit, then appointment (the existing index is by appointment alone).
 * `IF NOT EXISTS`: on a live province create them first with `CREATE INDEX CONCURRENTLY` under the
 * same names (docs/operations.md, "Upgrades"); the migration then does nothing.
 */
export class ProvinceSizeIndexes1764303300000 implements MigrationInterface {
  name = 'ProvinceSizeIndexes1764303300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX IF NOT EXISTS tasks_open_inbox_idx ON tasks (unit_code, due_at, created_at, id)
      INCLUDE (candidate_groups, assignee, overdue_at, instance_id) WHERE status = 'open'`);
    await db.query(`CREATE INDEX IF NOT EXISTS dossiers_open_unit_appointment_idx ON dossiers (unit_code, appointment_at)
      WHERE resolved_at IS NULL AND returned_at IS NULL AND paused_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS dossiers_open_unit_appointment_idx`);
    await db.query(`DROP INDEX IF EXISTS tasks_open_inbox_idx`);
  }
}
