import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accent-insensitive search (issue 19 item 2): "Nguyen" finds "Nguyễn", "dang ky" finds "Đăng ký".
 * `vn_fold(text)` is the one folding every search uses (lower case, no diacritics, đ/Đ → d); its twin in
 * TypeScript is `foldVietnamese` (libs/common), which folds the typed query. `unaccent()` is only STABLE
 * (its dictionary is looked up through search_path), so it is called with the dictionary named in full
 * inside an IMMUTABLE function, which expression indexes accept. đ/Đ are mapped explicitly: unaccent.rules
 * maps them on Debian's PostgreSQL 15, not on every build. Trigram (pg_trgm) GIN indexes serve `LIKE '%…%'`.
 * Both extensions are "trusted": the database owner may create them without being a superuser.
 * A dossier's folded text is a stored generated column: a common name ("nguyen van" matches one
 * dossier in twelve) has its index candidates rechecked on the stored text instead of folding each
 * again, and the planner estimates the match count from the column's statistics. Adding it rewrites
 * `dossiers` once (about 6 s per 200,000 rows here). `IF NOT EXISTS`: on a live province create the
 * indexes first `CONCURRENTLY` under the same names (docs/operations.md, "Upgrades").
 */
export class AccentInsensitiveSearch1764600500000 implements MigrationInterface {
  name = 'AccentInsensitiveSearch1764600500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public`);
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public`);
    await db.query(`
      CREATE OR REPLACE FUNCTION public.vn_fold(text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $$ SELECT lower(translate(public.unaccent('public.unaccent'::regdictionary, $1), 'Đđ', 'Dd')) $$`);
    // A dossier is found by its code, its applicant's name or ID number (the dossier list and the inbox).
    await db.query(`
      CREATE OR REPLACE FUNCTION public.dossier_search_text(code text, applicant jsonb) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT public.vn_fold(code || ' ' || coalesce(applicant->>'fullName', '') || ' ' || coalesce(applicant->>'idNumber', '')) $$`);
    await db.query(
      `ALTER TABLE dossiers ADD COLUMN IF NOT EXISTS search_text text GENERATED ALWAYS AS (public.dossier_search_text(code, applicant)) STORED`,
    );
    await db.query(
      `CREATE INDEX IF NOT EXISTS dossiers_search_idx ON dossiers USING gin (search_text public.gin_trgm_ops)`,
    );
    // The inbox finds a step by its business key (a dossier code, or any key of a process without a dossier).
    await db.query(`CREATE INDEX IF NOT EXISTS process_instances_business_key_search_idx ON process_instances
      USING gin (lower(business_key) public.gin_trgm_ops) WHERE business_key IS NOT NULL`);
    await db.query(
      `CREATE INDEX IF NOT EXISTS users_search_idx ON users USING gin (public.vn_fold(username || ' ' || full_name) public.gin_trgm_ops)`,
    );
    await db.query(`CREATE INDEX IF NOT EXISTS procedures_search_idx ON procedures
      USING gin (public.vn_fold(name || ' ' || code || ' ' || process_key) public.gin_trgm_ops)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS procedures_search_idx`);
    await db.query(`DROP INDEX IF EXISTS users_search_idx`);
    await db.query(`DROP INDEX IF EXISTS process_instances_business_key_search_idx`);
    await db.query(`DROP INDEX IF EXISTS dossiers_search_idx`);
    await db.query(`ALTER TABLE dossiers DROP COLUMN IF EXISTS search_text`);
    await db.query(`DROP FUNCTION IF EXISTS public.dossier_search_text(text, jsonb)`);
    await db.query(`DROP FUNCTION IF EXISTS public.vn_fold(text)`);
  }
}
