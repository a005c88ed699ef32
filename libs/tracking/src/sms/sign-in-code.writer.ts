import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { SIGN_IN_CODE_OUTBOX, type SignInCodeOutbox, type SignInCodePlaceholders } from '../../../citizens/src';

/**
 * The outbox's statement for a citizen's sign-in code (libs/tracking owns `sms_outbox`; libs/citizens
 * runs it through `SIGN_IN_CODE_OUTBOX` in the statement that stores the code's hash). The row carries
 * the code in `detail` for the sender to text: the outbox is the SMS itself, and the code in it ends
 * within 5 minutes or at its first use (ADR 0027). `code` (a dossier's, for other kinds) stays empty.
 */
export const signInCodeInsertSql = (at: SignInCodePlaceholders) =>
  `INSERT INTO sms_outbox (code, kind, phone, appointment_at, detail) VALUES ('', 'sign_in_code', ${at.phone}, ${at.expiresAt}, ${at.code})`;

@Injectable()
export class SignInCodeWriter implements OnModuleInit {
  constructor(@Inject(SIGN_IN_CODE_OUTBOX) private readonly outbox: SignInCodeOutbox) {}

  onModuleInit(): void {
    this.outbox.register(signInCodeInsertSql);
  }
}
