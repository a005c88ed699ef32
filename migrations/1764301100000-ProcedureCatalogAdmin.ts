import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The procedures catalog edited from the admin pages (issue 10 item 3): a procedure may pin a
 * deployed version of its process (null: the latest), and form templates uploaded from the
 * page live in the database beside those shipped in `processes/forms/`.
 */
export class ProcedureCatalogAdmin1764301100000 implements MigrationInterface {
  name = 'ProcedureCatalogAdmin1764301100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE procedures ADD COLUMN process_version integer CHECK (process_version > 0)`);
    await db.query(`
      CREATE TABLE procedure_forms (
        procedure_code text NOT NULL REFERENCES procedures(code),
        file           text NOT NULL,
        content_type   text NOT NULL,
        content        bytea NOT NULL,
        uploaded_by    text,
        uploaded_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (procedure_code, file)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE procedure_forms`);
    await db.query(`ALTER TABLE procedures DROP COLUMN process_version`);
  }
}
