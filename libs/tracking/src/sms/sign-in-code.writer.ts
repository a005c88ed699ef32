import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { TransactionQueries } from '../../../common/src';
import { SIGN_IN_CODE_OUTBOX, type SignInCodeMessage, type SignInCodeOutbox } from '../../../citizens/src';

/**
 * Puts citizens' sign-in codes in the SMS outbox (libs/tracking owns it; libs/citizens asks through
 * `SIGN_IN_CODE_OUTBOX`), in the transaction that stored the code's hash. The row carries the code in
 * `detail` until the sender builds the text: the outbox is the SMS itself, and the code in it ends
 * within 5 minutes or at its first use (ADR 0027). `code` (a dossier's, for other kinds) stays empty.
 */
@Injectable()
export class SignInCodeWriter implements OnModuleInit {
  constructor(@Inject(SIGN_IN_CODE_OUTBOX) private readonly outbox: SignInCodeOutbox) {}

  onModuleInit(): void {
    this.outbox.register((tx, message) => writeSignInCode(tx, message));
  }
}

export async function writeSignInCode(tx: TransactionQueries, message: SignInCodeMessage): Promise<void> {
  await tx.query(
    `INSERT INTO sms_outbox (code, kind, phone, appointment_at, detail) VALUES ('', 'sign_in_code', $1, $2, $3)`,
    [message.phone, message.expiresAt, message.code],
  );
}
