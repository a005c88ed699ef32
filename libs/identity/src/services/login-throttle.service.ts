import { Inject, Injectable, Optional, type OnModuleDestroy } from '@nestjs/common';
import { RedisCounters } from '../../../database/src';
import { LOGIN_THROTTLE, loginThrottledError, pairDelayMs } from './login-throttle.policy';

/** Optional override of the counters (unit specs pass a fake). */
export const LOGIN_COUNTERS = Symbol('LOGIN_COUNTERS');

/** The counters a login attempt touches, keyed by the normalised username and the caller's address. */
function keysOf(username: string, address: string | undefined) {
  const ip = address || 'unknown';
  const pair = `login:pair:${username.slice(0, 64)}@${ip}`;
  return { address: `login:address:${ip}`, failures: `${pair}:failures`, wait: `${pair}:wait` };
}

/**
 * Login throttling on the shared Redis counters (LOGIN_THROTTLE), so it holds across server
 * processes. An attempt is first counted against its address as if it failed, then refunded when
 * it succeeds: a burst of parallel guesses cannot all pass a check made before any of them failed.
 */
@Injectable()
export class LoginThrottle implements OnModuleDestroy {
  private readonly counters: RedisCounters;

  constructor(@Optional() @Inject(LOGIN_COUNTERS) counters?: RedisCounters) {
    this.counters = counters ?? new RedisCounters(undefined, { lazyConnect: true });
  }

  /** 429 `LOGIN_THROTTLED` while the address or the username+address pair must wait; else counts the attempt. */
  async admit(username: string, address: string | undefined, now: Date): Promise<void> {
    const keys = keysOf(username, address);
    const [byAddress, wait] = await Promise.all([
      this.counters.hit(keys.address, LOGIN_THROTTLE.addressWindowMs),
      this.counters.read(keys.wait),
    ]);
    const addressFull = byAddress.hits > LOGIN_THROTTLE.addressLimit;
    if (!addressFull && wait.hits === 0) return;
    await this.counters.refund(keys.address);
    throw loginThrottledError(Math.max(addressFull ? byAddress.msLeft : 0, wait.hits > 0 ? wait.msLeft : 0), now);
  }

  /** The right password: the attempt is not a failure, and the pair starts afresh. */
  async succeeded(username: string, address: string | undefined): Promise<void> {
    const keys = keysOf(username, address);
    await Promise.all([this.counters.refund(keys.address), this.counters.clear(keys.failures, keys.wait)]);
  }

  /** A wrong password (the address already counted it at admission); returns the pair's wait, 0 if none. */
  async failed(username: string, address: string | undefined): Promise<number> {
    const keys = keysOf(username, address);
    const { hits } = await this.counters.hit(keys.failures, LOGIN_THROTTLE.pairWindowMs);
    const delay = pairDelayMs(hits);
    if (delay > 0) await this.counters.hit(keys.wait, delay);
    return delay;
  }

  /** An administrator's unlock: every address's failures and waits for this username end. */
  async unlock(username: string): Promise<void> {
    await this.counters.clearStartingWith(`login:pair:${username}@`);
  }

  async onModuleDestroy(): Promise<void> {
    await this.counters.close();
  }
}
