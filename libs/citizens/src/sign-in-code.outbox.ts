import type { TransactionQueries } from '../../common/src';

/** One sign-in code to text: the number, the code in clear (only the SMS carries it), when it ends. */
export interface SignInCodeMessage {
  phone: string;
  code: string;
  expiresAt: Date;
}

/** Puts the message in the SMS outbox inside the caller's transaction (the outbox's owner writes it). */
export type SignInCodeWriter = (tx: TransactionQueries, message: SignInCodeMessage) => Promise<void>;

/**
 * The port through which sign-in codes reach the SMS outbox: libs/tracking owns `sms_outbox` and
 * registers its writer here at start (libs/citizens names no table of tracking's and sends no
 * SMS itself); the code row and the outbox row commit together or not at all.
 */
export class SignInCodeOutbox {
  private writer?: SignInCodeWriter;

  register(writer: SignInCodeWriter): void {
    this.writer = writer;
  }

  async write(tx: TransactionQueries, message: SignInCodeMessage): Promise<void> {
    if (!this.writer) throw new Error('No SMS outbox registered for sign-in codes (libs/tracking registers one)');
    await this.writer(tx, message);
  }
}

export const SIGN_IN_CODE_OUTBOX = Symbol('SIGN_IN_CODE_OUTBOX');
