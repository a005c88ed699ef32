import { Inject, Injectable, Optional } from '@nestjs/common';
import { AppError, CLOCK, systemClock, type Clock } from '../../../common/src';
import type { UserProfile } from '../identity.types';
import { UsersRepository, type UserRecord } from '../repositories/users.repository';
import { AccessTokenService } from './access-token.service';
import { AuditLogService } from './audit-log.service';
import { LoginThrottle } from './login-throttle.service';
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

/**
 * Logins, throttled per address and per username+address (LoginThrottle; no account lockout),
 * each checked attempt audited. Known and unknown usernames take the same path at the same cost.
 */
@Injectable()
export class AuthService {
  private readonly clock: Clock;
  /** Hash checked against when the user is unknown, made at the current cost, so both paths cost one scrypt. */
  private decoyHash?: Promise<string>;

  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: AccessTokenService,
    private readonly audit: AuditLogService,
    private readonly throttle: LoginThrottle,
    @Optional() @Inject(CLOCK) clock?: Clock,
  ) {
    this.clock = clock ?? systemClock;
  }

  /** 401 `AUTH_INVALID_CREDENTIALS`; 429 `LOGIN_THROTTLED` while this address or this username from it must wait. */
  async login(username: string, password: string, ip?: string): Promise<LoginResult> {
    const name = username.trim().toLowerCase();
    const subject = `user:${name.slice(0, 100)}`;
    await this.throttle.admit(name, ip, this.clock.now());
    const user = await this.users.findByUsername(name);
    this.decoyHash ??= this.hasher.hash('decoy');
    const passwordMatches = await this.hasher.verify(password, user?.passwordHash ?? (await this.decoyHash));
    const refused = !user
      ? 'unknown_user'
      : !passwordMatches
        ? 'wrong_password'
        : !user.active
          ? 'inactive'
          : undefined;
    if (refused) throw await this.failed(name, subject, ip, refused, user);

    await this.throttle.succeeded(name, ip);
    if (user!.failedLogins > 0 || user!.lockedUntil) await this.users.recordSuccess(user!.id, this.clock.now());
    await this.upgradeHash(user!, password);
    await this.audit.record({ actor: user!.username, action: 'auth.login', subject, ip });
    return { accessToken: await this.tokens.sign(user!), user: toProfile(user!) };
  }

  /**
   * Replaces the password (and clears `must_change_password`) and ends every token of the
   * account, answering a new one for the caller. A wrong current password counts like a failed
   * login (400 `CURRENT_PASSWORD_WRONG`, then 429 `LOGIN_THROTTLED`); the new one must pass the
   * policy (400 `PASSWORD_WEAK`) and differ from the current one (400 `PASSWORD_UNCHANGED`).
   */
  async changePassword(
    userId: string,
    currentPassword: string,
    newPassword: string,
    ip?: string,
  ): Promise<{ accessToken: string }> {
    const user = await this.users.findById(userId);
    if (!user) throw AppError.unauthorized('AUTH_TOKEN_INVALID', 'Access token is not valid');
    const subject = `user:${user.username}`;
    await this.throttle.admit(user.username, ip, this.clock.now());
    if (!(await this.hasher.verify(currentPassword, user.passwordHash))) {
      await this.throttle.failed(user.username, ip);
      await this.users.recordFailure(user.id, this.clock.now());
      await this.audit.record({ actor: user.username, action: 'auth.password_change_failed', subject, ip });
      throw AppError.badRequest('CURRENT_PASSWORD_WRONG', 'The current password is wrong');
    }
    await this.throttle.succeeded(user.username, ip);
    assertStrongPassword(newPassword, user.username);
    if (newPassword === currentPassword)
      throw AppError.badRequest('PASSWORD_UNCHANGED', 'Mật khẩu mới phải khác mật khẩu hiện tại.');
    const tokenVersion = await this.users.setPassword(user.id, await this.hasher.hash(newPassword), this.clock.now());
    await this.audit.record({ actor: user.username, action: 'auth.password_changed', subject, ip });
    return { accessToken: await this.tokens.sign({ ...user, tokenVersion }) };
  }

  /** Counts the failure for the throttle (and, for an account, its informational counter); audited. */
  private async failed(
    name: string,
    subject: string,
    ip: string | undefined,
    reason: string,
    user?: UserRecord,
  ): Promise<AppError> {
    const waitMs = await this.throttle.failed(name, ip);
    if (user) await this.users.recordFailure(user.id, this.clock.now());
    await this.audit.record({
      action: 'auth.login_failed',
      subject,
      ip,
      data: { reason, ...(waitMs ? { waitSeconds: waitMs / 1000 } : {}) },
    });
    return invalidCredentials();
  }

  /** A hash of an older cost is replaced by one at the current cost while the password is at hand. */
  private async upgradeHash(user: UserRecord, password: string): Promise<void> {
    if (!this.hasher.needsRehash(user.passwordHash)) return;
    if (await this.users.upgradeHash(user.id, user.passwordHash, await this.hasher.hash(password))) {
      await this.audit.record({
        actor: user.username,
        action: 'auth.password_rehashed',
        subject: `user:${user.username}`,
      });
    }
  }
}
