import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request, Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../../../common/src';
import { RedisThrottlerStorage } from './redis-throttler.storage';
import { setting } from '../../../config/src';

/** Wrong secrets allowed per address and window before every call from it waits (issue 15 item 10). */
export const SMS_SECRET_THROTTLE = { limit: 10, windowMs: 60 * 60_000 } as const;

/**
 * Only the SMS gateway may call the inbound webhook: header `x-sms-secret` = `SMS_INBOUND_SECRET`.
 * Runs before the per-phone limiter, so a stranger cannot spend a citizen's SMS budget. Wrong
 * secrets are counted per address on the shared counters: after 10 in an hour that address gets
 * 429 `SMS_SECRET_THROTTLED` (even with the right secret, or guessing would go on), while the
 * gateway at its own address is unaffected.
 */
@Injectable()
export class SmsSecretGuard implements CanActivate {
  constructor(private readonly storage: RedisThrottlerStorage) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const key = `sms-secret:${request.ip ?? 'unknown'}`;
    const wrong = await this.storage.counters.read(key);
    if (wrong.hits >= SMS_SECRET_THROTTLE.limit) {
      const seconds = Math.max(1, Math.ceil(wrong.msLeft / 1000));
      context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(seconds));
      throw new AppError(
        429,
        'SMS_SECRET_THROTTLED',
        `Too many wrong SMS gateway secrets from this address; try again in ${seconds} s`,
        { retryAfterSeconds: seconds },
      );
    }
    const given = request.headers['x-sms-secret'];
    const expected = setting('SMS_INBOUND_SECRET');
    const ok =
      !!expected &&
      typeof given === 'string' &&
      given.length === expected.length &&
      timingSafeEqual(Buffer.from(given), Buffer.from(expected));
    if (!ok) {
      await this.storage.counters.hit(key, SMS_SECRET_THROTTLE.windowMs);
      throw AppError.unauthorized('SMS_SECRET_INVALID', 'SMS gateway secret is missing or wrong');
    }
    return true;
  }
}
