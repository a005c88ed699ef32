import { AppError } from '../../../common/src';

const MINUTE = 60_000;

/**
 * Login throttling (issue 15 item 6; docs/security.md). There is no account lockout: a stranger's
 * failures slow only the stranger's own address, never the officer at theirs.
 * - username + address: the first `freeFailures` failures within `pairWindowMs` answer 401 at
 *   once; after the f-th failure (f ≥ 5) the pair waits `baseDelayMs × 2^(f−5)`, at most `maxDelayMs`.
 * - address: `addressLimit` failed logins per `addressWindowMs`, whatever the usernames (a spray);
 *   then every login from it waits for the window to end.
 */
export const LOGIN_THROTTLE = {
  freeFailures: 5,
  pairWindowMs: 60 * MINUTE,
  baseDelayMs: 15_000,
  maxDelayMs: 15 * MINUTE,
  addressLimit: 20,
  addressWindowMs: 15 * MINUTE,
} as const;

/** How long the username+address pair waits after its `failures`-th failure (0: not yet). */
export function pairDelayMs(failures: number, policy = LOGIN_THROTTLE): number {
  if (failures < policy.freeFailures) return 0;
  const doublings = Math.min(failures - policy.freeFailures, 30);
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** doublings);
}

/**
 * 429 `LOGIN_THROTTLED`, the same for known and unknown usernames (no user oracle), saying when
 * to retry; the HTTP edge copies `retryAfterSeconds` into `Retry-After`.
 */
export function loginThrottledError(msLeft: number, now: Date): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil(msLeft / 1000));
  const retryAt = new Date(now.getTime() + retryAfterSeconds * 1000);
  return new AppError(
    429,
    'LOGIN_THROTTLED',
    `Too many failed logins from this address; try again in ${retryAfterSeconds} s`,
    {
      retryAfterSeconds,
      retryAt: retryAt.toISOString(),
    },
  );
}
