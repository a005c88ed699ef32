import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PreparedStatements } from '../../database/src';
import type { SignInCodeOutbox } from './sign-in-code.outbox';

/** A citizen account: one per verified mobile number. */
export interface CitizenAccount {
  id: string;
  phone: string;
  tokenVersion: number;
}

/**
 * `citizen_accounts` and `citizen_codes` (libs/citizens owns both, ADR 0027). The hot statements
 * (the guard's account read, the code check) are prepared once per connection.
 */
@Injectable()
export class CitizenAccountsRepository {
  private readonly prepared: PreparedStatements;

  constructor(private readonly db: DataSource) {
    this.prepared = new PreparedStatements(db);
  }

  /**
   * The number's one live code (a new one replaces any older one, with its tries back to 0) and its
   * SMS, in one statement: `outboxInsert` is the outbox owner's INSERT (SIGN_IN_CODE_OUTBOX), given
   * the placeholders of the phone, the code in clear and the expiry.
   */
  async putCode(
    outboxInsert: SignInCodeOutbox,
    code: { phone: string; hash: Buffer; plain: string; expiresAt: Date },
    now: Date,
  ): Promise<void> {
    await this.prepared.rows(
      `WITH code AS (
         INSERT INTO citizen_codes (phone, code_hash, expires_at, attempts, created_at) VALUES ($1, $2, $3, 0, $4)
         ON CONFLICT (phone) DO UPDATE SET code_hash = EXCLUDED.code_hash, expires_at = EXCLUDED.expires_at,
                attempts = 0, created_at = EXCLUDED.created_at)
       ${outboxInsert.insertSql({ phone: '$1::text', code: '$5::text', expiresAt: '$3::timestamptz' })}`,
      [code.phone, code.hash, code.expiresAt, now, code.plain],
    );
  }

  /**
   * One statement: the code is used (deleted) when its hash matches, it has not expired and has
   * tries left; otherwise the number's live code, if any, takes one wrong try. True when used.
   * Two concurrent right answers: the second finds the row gone (a code signs in once).
   */
  async useCode(phone: string, hash: Buffer, now: Date, maxAttempts: number): Promise<boolean> {
    const rows = await this.prepared.rows<{ used: boolean }>(
      `WITH used AS (
         DELETE FROM citizen_codes WHERE phone = $1 AND code_hash = $2 AND expires_at > $3 AND attempts < $4 RETURNING phone),
       wrong AS (
         UPDATE citizen_codes SET attempts = attempts + 1 WHERE phone = $1 AND NOT EXISTS (SELECT 1 FROM used) RETURNING phone)
       SELECT EXISTS (SELECT 1 FROM used) AS used, (SELECT count(*) FROM wrong) AS wrong`,
      [phone, hash, now, maxAttempts],
    );
    return rows[0]?.used === true;
  }

  /** The number's account, created on its first sign-in; the same statement for a known and a new number. */
  async signedIn(phone: string, now: Date): Promise<CitizenAccount> {
    const rows = await this.prepared.rows<CitizenAccount>(
      `INSERT INTO citizen_accounts (phone, created_at, last_sign_in_at) VALUES ($1, $2, $2)
       ON CONFLICT (phone) DO UPDATE SET last_sign_in_at = EXCLUDED.last_sign_in_at
       RETURNING id, phone, token_version AS "tokenVersion"`,
      [phone, now],
    );
    return rows[0]!;
  }

  /** The guard's read on every citizen request (a sign-out ends older tokens). */
  async find(id: string): Promise<CitizenAccount | undefined> {
    const rows = await this.prepared.rows<CitizenAccount>(
      `SELECT id, phone, token_version AS "tokenVersion" FROM citizen_accounts WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  /** Sign-out: every token issued so far to this account ends. */
  async endTokens(id: string): Promise<void> {
    await this.db.query(`UPDATE citizen_accounts SET token_version = token_version + 1 WHERE id = $1`, [id]);
  }
}
