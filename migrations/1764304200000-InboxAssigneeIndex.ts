import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "My steps" (`/api/tasks?assignee=me`) in the inbox's order. An officer holding a few hundred
 * open steps had them all fetched from the heap, joined to their instances and sorted for a page
 * of 20 (12 ms at province size); in this index the page is the first 20 entries of the holder.
 * `IF NOT EXISTS`: on a live province create it first with `CREATE INDEX CONCURRENTLY` under the
 * same name (docs/operations.md, "Upgrades").
 */
export class InboxAssigneeIndex1764304200000 implements MigrationInterface {
  name = 'InboxAssigneeIndex1764304200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX IF NOT EXISTS tasks_open_assignee_idx ON tasks (assignee, due_at, created_at, id)
      INCLUDE (unit_code, candidate_groups, overdue_at, instance_id) WHERE status = 'open' AND assignee IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS tasks_open_assignee_idx`);
  }
}
