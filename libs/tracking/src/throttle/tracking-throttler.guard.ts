import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AppError } from '../../../common/src';

/** The throttler's 429 as a typed error with a stable code (STYLE rule 8). */
@Injectable()
export class TrackingThrottlerGuard extends ThrottlerGuard {
  /** The counter's key: route, limit and client in clear (the default hashes them with SHA-256 on every request). */
  protected override generateKey(context: ExecutionContext, tracker: string, throttler: string): string {
    return `${context.getClass().name}:${context.getHandler().name}:${throttler}:${tracker}`;
  }

  protected override async throwThrottlingException(_context: ExecutionContext): Promise<void> {
    throw new AppError(429, 'TOO_MANY_REQUESTS', 'Quá nhiều lượt tra cứu, vui lòng thử lại sau');
  }
}

/** Inbound SMS are limited per sender phone, not per gateway IP (every SMS comes from the gateway). */
@Injectable()
export class SmsThrottlerGuard extends TrackingThrottlerGuard {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the signature @nestjs/throttler declares
  protected override async getTracker(req: Record<string, any>): Promise<string> {
    const from = String(req.body?.from ?? req.body?.From ?? '').replace(/[^0-9+]/g, '');
    return from ? `phone:${from}` : `ip:${req.ip}`;
  }
}
