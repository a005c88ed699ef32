import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys (issue 15, docs/security.md "Idempotent retries"): one row per user and key,
 * reserved before the work, marked `committed` inside the work's own transaction, and holding the
 * first answer once it is known. Kept 24 hours, then purged.
 */
export class IdempotencyKeys1764400500000 implements MigrationInterface {
  name = 'IdempotencyKeys1764400500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE idempotency_keys (
        user_id         uuid NOT NULL,
        key             text NOT NULL,
        route           text NOT NULL,
        request_hash    text NOT NULL,
        status          text NOT NULL CHECK (status IN ('in_progress', 'committed', 'completed')),
        attempt         uuid NOT NULL,
        started_at      timestamptz NOT NULL DEFAULT now(),
        created_at      timestamptz NOT NULL DEFAULT now(),
        response_status integer,
        response_body   text,
        PRIMARY KEY (user_id, key)
      )`);
    await db.query(`CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS idempotency_keys`);
  }
}
