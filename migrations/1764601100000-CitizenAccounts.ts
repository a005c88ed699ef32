import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The normal form of a stored applicant phone, as `normalisedPhoneSql` of libs/common writes it (index and query must match). */
const APPLICANT_PHONE = `regexp_replace(regexp_replace(applicant->>'phone', '[\\s.-]', '', 'g'), '^\\+?84', '0')`;

/**
 * Citizens sign in by phone (issue 18 item 2, ADR 0027; libs/citizens owns both tables):
 * `citizen_accounts` (one per verified mobile number, created on the first successful code) and
 * `citizen_codes` (at most one live one-time code per number, kept as an HMAC, never in clear,
 * with its expiry and wrong tries). The code reaches the phone through the SMS outbox (libs/tracking),
 * whose kinds gain `sign_in_code`. "My dossiers" finds the desk's dossiers by the applicant's
 * phone in the same normal form, through an expression index.
 */
export class CitizenAccounts1764601100000 implements MigrationInterface {
  name = 'CitizenAccounts1764601100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE citizen_accounts (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        phone           text NOT NULL UNIQUE CHECK (phone ~ '^0[35789][0-9]{8}$'),
        created_at      timestamptz NOT NULL DEFAULT now(),
        last_sign_in_at timestamptz NOT NULL DEFAULT now(),
        token_version   integer NOT NULL DEFAULT 0
      )`);
    await db.query(`
      CREATE TABLE citizen_codes (
        phone      text PRIMARY KEY CHECK (phone ~ '^0[35789][0-9]{8}$'),
        code_hash  bytea NOT NULL,
        expires_at timestamptz NOT NULL,
        attempts   integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`ALTER TABLE sms_outbox DROP CONSTRAINT sms_outbox_kind_check`);
    await db.query(
      `ALTER TABLE sms_outbox ADD CONSTRAINT sms_outbox_kind_check CHECK (kind IN ('received', 'supplement_required', 'result_ready', 'apology', 'rejected', 'sign_in_code'))`,
    );
    await db.query(`CREATE INDEX dossiers_applicant_phone_idx ON dossiers ((${APPLICANT_PHONE}))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX dossiers_applicant_phone_idx`);
    await db.query(`DELETE FROM sms_outbox WHERE kind = 'sign_in_code'`);
    await db.query(`ALTER TABLE sms_outbox DROP CONSTRAINT sms_outbox_kind_check`);
    await db.query(
      `ALTER TABLE sms_outbox ADD CONSTRAINT sms_outbox_kind_check CHECK (kind IN ('received', 'supplement_required', 'result_ready', 'apology', 'rejected'))`,
    );
    await db.query(`DROP TABLE citizen_codes`);
    await db.query(`DROP TABLE citizen_accounts`);
  }
}
