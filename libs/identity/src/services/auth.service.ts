import { Inject, Injectable, Optional } from '@nestjs/common';
import { AppError, CLOCK, systemClock, type Clock } from '../../../common/src';
import type { UserProfile } from '../identity.types';
import { UsersRepository, type UserRecord } from '../repositories/users.repository';
import { AccessTokenService } from './access-token.service';
import { AuditLogService } from './audit-log.service';
import { accountLockedError, isLockedOut, LOCKOUT_POLICY } from './lockout.policy';
import { assertStrongPassword } from '../policy/password.policy';
import { PasswordHasher } from './password-hasher.service';
import { toProfile } from './users.service';

export interface LoginResult {
  accessToken: string;
  user: UserProfile;
}

/** Same answer for an unknown user, a wrong password and an inactive account: no user oracle. */
function invalidCredentials(): AppError {
  return AppError.unauthorized('AUTH_INVALID_CREDENTIALS', 'Wrong username or password');
}

/** Logins with lockout (5 consecutive failures lock for 15 minutes), each attempt audited. */
@Injectable()
export class AuthService {
  private readonly clock: Clock;
  /** Hash checked against when the user is unknown, so both paths cost one scrypt. */
  private decoyHash?: Promise<string>;

  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: AccessTokenService,
    private readonly audit: AuditLogService,
    @Optional() @Inject(CLOCK) clock?: Clock,
  ) {
    this.clock = clock ?? systemClock;
  }

  /** 401 `AUTH_INVALID_CREDENTIALS`, or 423 `AUTH_LOCKED` while locked (even with the right password). */
  async login(username: string, password: string, ip?: string): Promise<LoginResult> {
    const name = username.trim().toLowerCase();
    const subject = `user:${name.slice(0, 100)}`;
    const user = await this.users.findByUsername(name);
    if (!user) {
      this.decoyHash ??= this.hasher.hash('decoy');
      await this.hasher.verify(password, await this.decoyHash);
      await this.audit.record({ action: 'auth.login_failed', subject, ip, data: { reason: 'unknown_user' } });
      throw invalidCredentials();
    }
    if (isLockedOut(user.lockedUntil, this.clock.now())) {
      await this.audit.record({ action: 'auth.login_failed', subject, ip, data: { reason: 'locked' } });
      throw accountLockedError(user.lockedUntil!, this.clock.now());
    }
    const passwordMatches = await this.hasher.verify(password, user.passwordHash);
    if (!user.active) {
      await this.audit.record({ action: 'auth.login_failed', subject, ip, data: { reason: 'inactive' } });
      throw invalidCredentials();
    }
    if (!passwordMatches) throw await this.countFailure(user, subject, ip);
    if (!(await this.users.recordSuccess(user.id, this.clock.now()))) throw await this.lockedMeanwhile(user, subject, ip);
    await this.audit.record({ actor: user.username, action: 'auth.login', subject, ip });
    return { accessToken: await this.tokens.sign(user), user: toProfile(user) };
  }

  /**
   * Replaces the password (and clears `must_change_password`); a wrong current password counts
   * toward the lockout (400 `CURRENT_PASSWORD_WRONG`); the new one must pass the policy (400
   * `PASSWORD_WEAK`) and differ from the current one (400 `PASSWORD_UNCHANGED`).
   */
  async changePassword(userId: string, currentPassword: string, newPassword: string, ip?: string): Promise<void> {
    const user = await this.users.findById(userId);
    if (!user) throw AppError.unauthorized('AUTH_TOKEN_INVALID', 'Access token is not valid');
    const subject = `user:${user.username}`;
    if (!(await this.hasher.verify(currentPassword, user.passwordHash))) {
      await this.users.recordFailure(user.id, this.clock.now(), LOCKOUT_POLICY.maxFailedLogins, LOCKOUT_POLICY.lockSeconds);
      await this.audit.record({ actor: user.username, action: 'auth.password_change_failed', subject, ip });
      throw AppError.badRequest('CURRENT_PASSWORD_WRONG', 'The current password is wrong');
    }
    assertStrongPassword(newPassword, user.username);
    if (newPassword === currentPassword) throw AppError.badRequest('PASSWORD_UNCHANGED', 'Mật khẩu mới phải khác mật khẩu hiện tại.');
    await this.users.setPassword(user.id, await this.hasher.hash(newPassword), this.clock.now());
    await this.audit.record({ actor: user.username, action: 'auth.password_changed', subject, ip });
  }

  /** Counts a wrong password atomically; the failure that reaches the limit locks and says so. */
  private async countFailure(user: UserRecord, subject: string, ip?: string): Promise<AppError> {
    const now = this.clock.now();
    const counted = await this.users.recordFailure(user.id, now, LOCKOUT_POLICY.maxFailedLogins, LOCKOUT_POLICY.lockSeconds);
    if (!counted) return this.lockedMeanwhile(user, subject, ip);
    await this.audit.record({ action: 'auth.login_failed', subject, ip, data: { reason: 'wrong_password', failedLogins: counted.failedLogins } });
    if (!counted.lockedUntil) return invalidCredentials();
    await this.audit.record({ action: 'auth.locked', subject, ip, data: { until: counted.lockedUntil.toISOString(), failedLogins: counted.failedLogins } });
    return accountLockedError(counted.lockedUntil, now);
  }

  /** A concurrent attempt locked the account between our read and our write. */
  private async lockedMeanwhile(user: UserRecord, subject: string, ip?: string): Promise<AppError> {
    const now = this.clock.now();
    const current = await this.users.findById(user.id);
    await this.audit.record({ action: 'auth.login_failed', subject, ip, data: { reason: 'locked' } });
    return current && isLockedOut(current.lockedUntil, now) ? accountLockedError(current.lockedUntil!, now) : invalidCredentials();
  }
}
