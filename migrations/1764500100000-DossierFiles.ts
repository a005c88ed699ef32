import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Documents as files (issue 16, libs/files, ADR 0009): `dossier_files`, append-only like
 * `history_events`; `file_uploads`, the uploads in flight (a row from before the first byte is
 * stored until the file's row commits, so a sweep finds every blob a crash left behind); and the
 * procedure flag that lets the citizen download the result with code and lookup key.
 */
export class DossierFiles1764500100000 implements MigrationInterface {
  name = 'DossierFiles1764500100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE dossier_files (
        id            uuid PRIMARY KEY,
        dossier_code  text NOT NULL REFERENCES dossiers (code),
        kind          text NOT NULL CHECK (kind IN ('document', 'attachment', 'result')),
        document_key  text,
        task_id       uuid,
        file_name     text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        content_type  text NOT NULL,
        size          bigint NOT NULL CHECK (size > 0),
        sha256        text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        storage_key   text NOT NULL UNIQUE,
        uploaded_by   text NOT NULL,
        uploaded_at   timestamptz NOT NULL,
        CHECK (kind <> 'document' OR document_key IS NOT NULL),
        CHECK (kind <> 'attachment' OR task_id IS NOT NULL)
      )`);
    await db.query(`CREATE INDEX dossier_files_dossier_idx ON dossier_files (dossier_code, uploaded_at, id)`);
    await db.query(`CREATE INDEX dossier_files_task_idx ON dossier_files (task_id) WHERE task_id IS NOT NULL`);
    // Files of a received dossier are never deleted or overwritten (issue 16): a new version is a new row.
    await db.query(`
      CREATE FUNCTION dossier_files_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'dossier_files is append-only';
      END $$`);
    await db.query(`
      CREATE TRIGGER dossier_files_append_only BEFORE UPDATE OR DELETE ON dossier_files
      FOR EACH ROW EXECUTE FUNCTION dossier_files_append_only()`);
    await db.query(`
      CREATE TABLE file_uploads (
        id           uuid PRIMARY KEY,
        storage_key  text NOT NULL UNIQUE,
        dossier_code text NOT NULL,
        started_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX file_uploads_started_idx ON file_uploads (started_at)`);
    await db.query(`ALTER TABLE procedures ADD COLUMN electronic_result boolean NOT NULL DEFAULT false`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE procedures DROP COLUMN IF EXISTS electronic_result`);
    await db.query(`DROP TABLE IF EXISTS file_uploads`);
    await db.query(`DROP TABLE IF EXISTS dossier_files`);
    await db.query(`DROP FUNCTION IF EXISTS dossier_files_append_only()`);
  }
}
