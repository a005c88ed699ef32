import { AppError } from '../../../common/src';

/** Consecutive failed logins that lock an account, and for how long (DESIGN §4). */
export const LOCKOUT_POLICY = { maxFailedLogins: 5, lockSeconds: 15 * 60 } as const;

/** True while a lock set by the failure counter is in force. */
export function isLockedOut(lockedUntil: Date | null | undefined, now: Date): boolean {
  return lockedUntil != null && lockedUntil.getTime() > now.getTime();
}

/** 423 `AUTH_LOCKED`, telling when to retry (local Vietnam time and ISO). */
export function accountLockedError(lockedUntil: Date, now: Date): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
  const local = lockedUntil.toLocaleTimeString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit' });
  return new AppError(
    423,
    'AUTH_LOCKED',
    `Account locked after ${LOCKOUT_POLICY.maxFailedLogins} failed logins; try again after ${local} (${lockedUntil.toISOString()})`,
    { retryAt: lockedUntil.toISOString(), retryAfterSeconds },
  );
}
