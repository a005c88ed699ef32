import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15 item 10: a password change or reset ends the account's tokens. Tokens carry the
 * account's version at signing and the guard compares it on every request; existing tokens
 * (no version) count as version 0.
 */
export class UserTokenVersion1764400300000 implements MigrationInterface {
  name = 'UserTokenVersion1764400300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users ADD COLUMN IF NOT EXISTS token_version integer NOT NULL DEFAULT 0`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users DROP COLUMN IF EXISTS token_version`);
  }
}
