import { createHmac, randomInt } from 'node:crypto';
import { AppError } from '../../../common/src';

/** The sign-in code's rules (issue 18 item 2, ADR 0027); docs/security.md lists them. */
export const ONE_TIME_CODE = {
  digits: 6,
  /** A code lives 5 minutes. */
  ttlMs: 5 * 60_000,
  /** Wrong tries one code takes; the next try, right or wrong, finds no code. */
  maxAttempts: 5,
} as const;

/**
 * Rate limits on the shared Redis counters (fixed windows): codes sent per number and per client
 * address (each is an SMS someone pays for), and wrong codes per number and per address.
 */
export const SIGN_IN_THROTTLE = {
  codesPerPhone: { limit: 5, windowMs: 60 * 60_000 },
  codesPerAddress: { limit: 20, windowMs: 60 * 60_000 },
  wrongPerPhone: { limit: 5, windowMs: 15 * 60_000 },
  wrongPerAddress: { limit: 30, windowMs: 15 * 60_000 },
} as const;

/** A fresh code: `digits` decimal digits from the CSPRNG, leading zeros kept. */
export function newCode(): string {
  return String(randomInt(10 ** ONE_TIME_CODE.digits)).padStart(ONE_TIME_CODE.digits, '0');
}

/** What is stored: HMAC-SHA256(key, phone ‖ code); the code itself never is. */
export function codeHash(key: Buffer, phone: string, code: string): Buffer {
  return createHmac('sha256', key).update(`${phone}\u0000${code}`).digest();
}

/** The code as typed: digits only (spaces and dashes dropped), or undefined. */
export function typedCode(input: unknown): string | undefined {
  if (typeof input !== 'string' || input.length > 32) return undefined;
  const digits = input.replace(/[\s-]/g, '');
  return new RegExp(`^\\d{${ONE_TIME_CODE.digits}}$`).test(digits) ? digits : undefined;
}

/** 400 `OTP_INVALID`: the same for an expired, unknown, used, exhausted or wrong code. */
export const otpInvalid = () =>
  AppError.badRequest('OTP_INVALID', 'The code is wrong or no longer valid: ask for a new one');

/** 429 `OTP_THROTTLED` with the wait (the Retry-After header carries it too). */
export function otpThrottled(msLeft: number): AppError {
  const seconds = Math.max(1, Math.ceil(msLeft / 1000));
  return new AppError(429, 'OTP_THROTTLED', `Too many sign-in attempts; try again in ${seconds} s`, {
    retryAfterSeconds: seconds,
  });
}
