import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Units, accounts and the audit trail (libs/identity). */
export class Identity1764300000000 implements MigrationInterface {
  name = 'Identity1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE units (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code         text NOT NULL UNIQUE,
        name         text NOT NULL,
        kind         text NOT NULL CHECK (kind IN ('province', 'department', 'district', 'office', 'commune', 'center')),
        parent_id    uuid REFERENCES units (id),
        active       boolean NOT NULL DEFAULT true,
        office_hours jsonb,
        created_at   timestamptz NOT NULL DEFAULT now(),
        CHECK (parent_id IS NULL OR parent_id <> id)
      )`);
    await db.query(`CREATE INDEX units_parent_id_idx ON units (parent_id)`);

    await db.query(`
      CREATE TABLE users (
        id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username             text NOT NULL UNIQUE CHECK (username = lower(username)),
        full_name            text NOT NULL,
        password_hash        text NOT NULL,
        unit_id              uuid NOT NULL REFERENCES units (id),
        roles                text[] NOT NULL DEFAULT '{}',
        active               boolean NOT NULL DEFAULT true,
        failed_logins        integer NOT NULL DEFAULT 0,
        locked_until         timestamptz,
        must_change_password boolean NOT NULL DEFAULT false,
        created_at           timestamptz NOT NULL DEFAULT now(),
        updated_at           timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX users_unit_id_idx ON users (unit_id)`);

    await db.query(`
      CREATE TABLE audit_log (
        id      bigserial PRIMARY KEY,
        at      timestamptz NOT NULL DEFAULT now(),
        actor   text,
        action  text NOT NULL,
        subject text,
        ip      text,
        data    jsonb
      )`);
    await db.query(`CREATE INDEX audit_log_actor_at_idx ON audit_log (actor, at)`);
    await db.query(`CREATE INDEX audit_log_subject_idx ON audit_log (subject)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE audit_log`);
    await db.query(`DROP TABLE users`);
    await db.query(`DROP TABLE units`);
  }
}
