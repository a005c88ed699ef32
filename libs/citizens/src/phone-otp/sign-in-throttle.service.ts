import { Inject, Injectable, Optional, type OnModuleDestroy } from '@nestjs/common';
import { RedisCounters } from '../../../database/src';
import { otpThrottled, SIGN_IN_THROTTLE } from './one-time-code.policy';

/** Optional override of the counters (unit specs pass their own). */
export const SIGN_IN_COUNTERS = Symbol('SIGN_IN_COUNTERS');

type Limit = { limit: number; windowMs: number };

/**
 * The sign-in's rate limits on the shared Redis counters (SIGN_IN_THROTTLE), so they hold across
 * server processes. Each attempt is counted before it runs (a burst of parallel guesses cannot
 * all slip under the limit): a refused one is taken back, and a right code takes back its
 * wrong-code hits. Known and unknown numbers count alike.
 */
@Injectable()
export class SignInThrottle implements OnModuleDestroy {
  private readonly counters: RedisCounters;

  constructor(@Optional() @Inject(SIGN_IN_COUNTERS) counters?: RedisCounters) {
    this.counters = counters ?? new RedisCounters(undefined, { lazyConnect: true });
  }

  /** A code may be sent to `phone` at the request of `address`; else 429 `OTP_THROTTLED`. */
  async admitCode(phone: string, address: string | undefined): Promise<void> {
    await this.admit([
      [`otp:code:phone:${phone}`, SIGN_IN_THROTTLE.codesPerPhone],
      [`otp:code:address:${address || 'unknown'}`, SIGN_IN_THROTTLE.codesPerAddress],
    ]);
  }

  /** A code may be tried for `phone` from `address` (counted as wrong until `verified`). */
  async admitTry(phone: string, address: string | undefined): Promise<void> {
    await this.admit(this.tryKeys(phone, address));
  }

  /** The code was right: its try was not a wrong one. */
  async verified(phone: string, address: string | undefined): Promise<void> {
    await Promise.all(this.tryKeys(phone, address).map(([key]) => this.counters.refund(key)));
  }

  async onModuleDestroy(): Promise<void> {
    await this.counters.close();
  }

  private tryKeys(phone: string, address: string | undefined): [string, Limit][] {
    return [
      [`otp:wrong:phone:${phone}`, SIGN_IN_THROTTLE.wrongPerPhone],
      [`otp:wrong:address:${address || 'unknown'}`, SIGN_IN_THROTTLE.wrongPerAddress],
    ];
  }

  private async admit(keys: [string, Limit][]): Promise<void> {
    const counts = await Promise.all(keys.map(([key, limit]) => this.counters.hit(key, limit.windowMs)));
    const over = counts.filter((count, i) => count.hits > keys[i]![1].limit);
    if (!over.length) return;
    await Promise.all(keys.map(([key]) => this.counters.refund(key)));
    throw otpThrottled(Math.max(...over.map((count) => count.msLeft)));
  }
}
