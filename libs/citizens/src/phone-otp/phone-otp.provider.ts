import { Inject, Injectable } from '@nestjs/common';
import { AppError, normaliseVietnamMobile } from '../../../common/src';
import { CitizenAccountsRepository } from '../citizen-accounts.repository';
import { CITIZEN_KEYS } from '../citizen-token.service';
import type { CitizenKeys } from '../citizen-keys';
import type { ChallengeIdentityProvider, SignInCaller, VerifiedIdentity } from '../identity-provider.port';
import { SIGN_IN_CODE_OUTBOX, type SignInCodeOutbox } from '../sign-in-code.outbox';
import { codeHash, newCode, ONE_TIME_CODE, otpInvalid, typedCode } from './one-time-code.policy';
import { SignInThrottle } from './sign-in-throttle.service';

/** 400 `PHONE_INVALID`: not a Vietnamese mobile number (says nothing about accounts). */
const phoneInvalid = () =>
  AppError.badRequest('PHONE_INVALID', 'Not a Vietnamese mobile number (03x, 05x, 07x, 08x, 09x; 10 digits)');

/**
 * Sign-in by a one-time code sent by SMS (ADR 0027), the only identity provider built. Every
 * well-formed number gets the same answer and the same work (a code row and an outbox row),
 * account or not: accounts are only made at the first right code.
 */
@Injectable()
export class PhoneOtpProvider implements ChallengeIdentityProvider<{ phone: string }, { phone: string; code: string }> {
  readonly kind = 'challenge';
  readonly name = 'phone-otp';

  constructor(
    private readonly repo: CitizenAccountsRepository,
    private readonly throttle: SignInThrottle,
    @Inject(CITIZEN_KEYS) private readonly keys: CitizenKeys,
    @Inject(SIGN_IN_CODE_OUTBOX) private readonly outbox: SignInCodeOutbox,
  ) {}

  async challenge(input: { phone: string }, caller: SignInCaller): Promise<{ expiresInSeconds: number }> {
    const phone = normaliseVietnamMobile(input.phone);
    if (!phone) throw phoneInvalid();
    await this.throttle.admitCode(phone, caller.address);
    const code = newCode();
    const expiresAt = new Date(caller.now.getTime() + ONE_TIME_CODE.ttlMs);
    const hash = codeHash(this.keys.codes, phone, code);
    await this.repo.putCode(this.outbox, { phone, hash, plain: code, expiresAt }, caller.now);
    return { expiresInSeconds: ONE_TIME_CODE.ttlMs / 1000 };
  }

  async verify(input: { phone: string; code: string }, caller: SignInCaller): Promise<VerifiedIdentity> {
    const phone = normaliseVietnamMobile(input.phone);
    if (!phone) throw phoneInvalid();
    await this.throttle.admitTry(phone, caller.address);
    // A malformed code is a wrong one (counted, same answer): its hash matches no stored 6-digit code, and the
    // statement runs either way. Postgres compares HMACs of a key the caller never sees: timing tells nothing.
    const hash = codeHash(this.keys.codes, phone, typedCode(input.code) ?? '');
    const used = await this.repo.useCode(phone, hash, caller.now, ONE_TIME_CODE.maxAttempts);
    if (!used) throw otpInvalid();
    await this.throttle.verified(phone, caller.address);
    return { provider: this.name, subject: phone, phone, assurance: 'phone-possession' };
  }
}
