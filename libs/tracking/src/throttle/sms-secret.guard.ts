import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../../../common/src';

/**
 * Only the SMS gateway may call the inbound webhook: header `x-sms-secret` = `SMS_INBOUND_SECRET`.
 * Runs before the per-phone limiter, so a stranger cannot spend a citizen's SMS budget.
 */
@Injectable()
export class SmsSecretGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const given = context.switchToHttp().getRequest().headers['x-sms-secret'];
    const expected = process.env.SMS_INBOUND_SECRET;
    const ok = !!expected && typeof given === 'string' && given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
    if (!ok) throw AppError.unauthorized('SMS_SECRET_INVALID', 'SMS gateway secret is missing or wrong');
    return true;
  }
}
