import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Saved inbox filters (issue 19 item 1, "filters saved per officer"): an officer names a combination of
 * procedure, due state, holder and search text and finds it again on any device. Owned by libs/workflow,
 * which owns the inbox. `account_id` is the account's id (identity's users.id; no foreign key across
 * libs): an account removed leaves at most 20 small rows. A name is unique per account whatever its case.
 */
export class InboxSavedFilters1764601600000 implements MigrationInterface {
  name = 'InboxSavedFilters1764601600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE inbox_filters (
        id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL,
        name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
        filter     jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX inbox_filters_account_name_idx ON inbox_filters (account_id, lower(name))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS inbox_filters`);
  }
}
