import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The public catalog (issue 18 item 1): a unit's street address, which the procedure page shows as
 * "where to go" beside its name and office hours; and the catalog's folded search index now also
 * covers the field (lĩnh vực), so "ho kinh doanh" finds a procedure by its field as well as by name.
 */
export class PublicCatalog1764601500000 implements MigrationInterface {
  name = 'PublicCatalog1764601500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE units ADD COLUMN IF NOT EXISTS address text CHECK (address IS NULL OR length(address) BETWEEN 1 AND 500)`,
    );
    await db.query(`DROP INDEX IF EXISTS procedures_search_idx`);
    await db.query(`CREATE INDEX procedures_search_idx ON procedures
      USING gin (public.vn_fold(name || ' ' || field || ' ' || code || ' ' || process_key) public.gin_trgm_ops)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS procedures_search_idx`);
    await db.query(`CREATE INDEX procedures_search_idx ON procedures
      USING gin (public.vn_fold(name || ' ' || code || ' ' || process_key) public.gin_trgm_ops)`);
    await db.query(`ALTER TABLE units DROP COLUMN IF EXISTS address`);
  }
}
