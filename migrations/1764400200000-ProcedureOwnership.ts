import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15 item 2: process keys and procedures get an owning unit; a key also lists the units
 * its owner declared inter-agency partners (steps may be drawn on them). `owner_unit_code` NULL
 * means "the province": only administrators of a root unit manage it. Backfill: a key belongs to
 * the unit of the account that deployed its first version, else (deployed by the system) to the
 * province; a procedure belongs to the owner of its process key (docs/security.md).
 */
export class ProcedureOwnership1764400200000 implements MigrationInterface {
  name = 'ProcedureOwnership1764400200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE process_keys (
        key                text PRIMARY KEY,
        owner_unit_code    text,
        partner_unit_codes text[] NOT NULL DEFAULT '{}',
        updated_by         text,
        updated_at         timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX process_keys_owner_idx ON process_keys (owner_unit_code)`);
    await db.query(`
      INSERT INTO process_keys (key, owner_unit_code)
      SELECT DISTINCT ON (d.key) d.key, un.code
        FROM process_definitions d
        LEFT JOIN users u ON u.username = d.deployed_by
        LEFT JOIN units un ON un.id = u.unit_id
       ORDER BY d.key, d.version`);
    await db.query(`ALTER TABLE procedures ADD COLUMN owner_unit_code text`);
    await db.query(
      `UPDATE procedures p SET owner_unit_code = k.owner_unit_code FROM process_keys k WHERE k.key = p.process_key`,
    );
    await db.query(`CREATE INDEX procedures_owner_idx ON procedures (owner_unit_code)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE procedures DROP COLUMN owner_unit_code`);
    await db.query(`DROP TABLE process_keys`);
  }
}
