/** Where the outbox's statement finds the message's values: SQL expressions, e.g. `$1`. */
export interface SignInCodePlaceholders {
  phone: string;
  code: string;
  expiresAt: string;
}

/**
 * The owner's statement that puts one sign-in SMS in the outbox, with the values at the given
 * placeholders: an `INSERT … VALUES (…)` the caller runs after its own code upsert, in ONE
 * statement (`WITH code AS (INSERT INTO citizen_codes …) INSERT INTO <outbox> …`), so the code row
 * and the SMS commit together in one round trip.
 */
export type SignInCodeInsert = (at: SignInCodePlaceholders) => string;

/**
 * The port through which sign-in codes reach the SMS outbox: libs/tracking owns `sms_outbox` and
 * registers its statement here at start (libs/citizens names no table of tracking's and sends no
 * SMS itself).
 */
export class SignInCodeOutbox {
  private insert?: SignInCodeInsert;

  register(insert: SignInCodeInsert): void {
    this.insert = insert;
  }

  /** The outbox's INSERT for these placeholders. */
  insertSql(at: SignInCodePlaceholders): string {
    if (!this.insert) throw new Error('No SMS outbox registered for sign-in codes (libs/tracking registers one)');
    return this.insert(at);
  }
}

export const SIGN_IN_CODE_OUTBOX = Symbol('SIGN_IN_CODE_OUTBOX');
