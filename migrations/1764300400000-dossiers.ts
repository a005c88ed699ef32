import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The one-stop domain (libs/dossiers, DESIGN §4–§5): the procedures catalog, dossiers with their
 * per-unit daily counter, the public status projection and the one-stop events (control slip).
 */
export class Dossiers1764300400000 implements MigrationInterface {
  name = 'Dossiers1764300400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE procedures (
        code               text PRIMARY KEY,
        name               text NOT NULL,
        field              text NOT NULL,
        level              text NOT NULL,
        legal_time         jsonb NOT NULL,
        fee                integer NOT NULL DEFAULT 0 CHECK (fee >= 0),
        fee_rules          text,
        required_documents jsonb NOT NULL DEFAULT '[]',
        form_templates     jsonb NOT NULL DEFAULT '[]',
        process_key        text NOT NULL,
        channels           text[] NOT NULL DEFAULT '{direct}',
        published          boolean NOT NULL DEFAULT true,
        updated_at         timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE dossier_counters (
        unit_code text NOT NULL,
        day       date NOT NULL,
        n         integer NOT NULL,
        PRIMARY KEY (unit_code, day)
      )`);
    await db.query(`
      CREATE TABLE dossiers (
        code                    text PRIMARY KEY,
        procedure_code          text NOT NULL REFERENCES procedures(code),
        unit_code               text NOT NULL,
        channel                 text NOT NULL CHECK (channel IN ('direct', 'online', 'postal')),
        applicant               jsonb NOT NULL,
        documents               jsonb NOT NULL DEFAULT '[]',
        received_at             timestamptz NOT NULL,
        appointment_at          timestamptz NOT NULL,
        original_appointment_at timestamptz NOT NULL,
        status                  text NOT NULL,
        instance_id             uuid,
        lookup_key_hash         text NOT NULL,
        received_by             text NOT NULL,
        paused_at               timestamptz,
        pauses                  jsonb NOT NULL DEFAULT '[]',
        paused_ms               bigint NOT NULL DEFAULT 0,
        resolved_at             timestamptz,
        returned_at             timestamptz,
        updated_at              timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX dossiers_unit_idx ON dossiers (unit_code, received_at DESC)`);
    await db.query(`CREATE INDEX dossiers_instance_idx ON dossiers (instance_id)`);
    await db.query(`
      CREATE TABLE dossier_status (
        code           text PRIMARY KEY REFERENCES dossiers(code),
        status         text NOT NULL,
        status_label   text NOT NULL,
        procedure_code text NOT NULL,
        procedure_name text NOT NULL,
        unit_code      text NOT NULL,
        unit_name      text NOT NULL,
        appointment_at timestamptz NOT NULL,
        current_step   text,
        updated_at     timestamptz NOT NULL
      )`);
    await db.query(`
      CREATE TABLE dossier_events (
        id     bigserial PRIMARY KEY,
        code   text NOT NULL REFERENCES dossiers(code),
        at     timestamptz NOT NULL,
        type   text NOT NULL,
        actor  text,
        data   jsonb NOT NULL DEFAULT '{}'
      )`);
    await db.query(`CREATE INDEX dossier_events_code_idx ON dossier_events (code, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE dossier_events`);
    await db.query(`DROP TABLE dossier_status`);
    await db.query(`DROP TABLE dossiers`);
    await db.query(`DROP TABLE dossier_counters`);
    await db.query(`DROP TABLE procedures`);
  }
}
