import { AppError } from '../../../common/src';
import type { UserRecord, UsersRepository } from '../repositories/users.repository';
import type { AccessTokenService } from './access-token.service';
import type { AuditLogService } from './audit-log.service';
import { AuthService } from './auth.service';
import type { LoginThrottle } from './login-throttle.service';
import { PasswordHasher } from './password-hasher.service';

describe('AuthService', () => {
  const now = new Date('2025-06-02T03:00:00Z');
  const hasher = new PasswordHasher({ N: 1024, r: 8, p: 1 });
  let hash: string;
  let users: jest.Mocked<
    Pick<
      UsersRepository,
      'findByUsername' | 'findById' | 'recordFailure' | 'recordSuccess' | 'upgradeHash' | 'setPassword'
    >
  >;
  let throttle: jest.Mocked<Pick<LoginThrottle, 'admit' | 'failed' | 'succeeded'>>;
  let tokens: { sign: jest.Mock };
  let audit: { record: jest.Mock };
  let service: AuthService;

  const user = (overrides: Partial<UserRecord> = {}): UserRecord => ({
    id: '7f1c2b9e-0000-4000-8000-000000000001',
    username: 'reception',
    fullName: 'Trần Thị Thu Hà',
    unitId: 'u1',
    unitCode: '000.00.20.H15',
    unitName: 'UBND thành phố Buôn Ma Thuột',
    roles: ['reception'],
    active: true,
    mustChangePassword: false,
    passwordHash: hash,
    failedLogins: 0,
    lockedUntil: null,
    tokenVersion: 4,
    ...overrides,
  });
  const actions = () => audit.record.mock.calls.map(([entry]) => entry.action);

  beforeAll(async () => {
    hash = await hasher.hash('right');
  });

  beforeEach(() => {
    users = {
      findByUsername: jest.fn(),
      findById: jest.fn(),
      recordFailure: jest.fn().mockResolvedValue(undefined),
      recordSuccess: jest.fn().mockResolvedValue(undefined),
      upgradeHash: jest.fn().mockResolvedValue(true),
      setPassword: jest.fn().mockResolvedValue(5),
    };
    throttle = {
      admit: jest.fn().mockResolvedValue(undefined),
      failed: jest.fn().mockResolvedValue(0),
      succeeded: jest.fn().mockResolvedValue(undefined),
    };
    tokens = { sign: jest.fn().mockResolvedValue('token') };
    audit = { record: jest.fn().mockResolvedValue(undefined) };
    service = new AuthService(
      users as unknown as UsersRepository,
      hasher,
      tokens as unknown as AccessTokenService,
      audit as unknown as AuditLogService,
      throttle as unknown as LoginThrottle,
      { now: () => now },
    );
  });

  describe('login', () => {
    it("returns a token and the profile, clears the pair's failures and the account's count, audits auth.login", async () => {
      // given
      users.findByUsername.mockResolvedValue(user({ failedLogins: 3 }));
      // when
      const result = await service.login('  Reception ', 'right', '10.0.0.1');
      // then
      expect(users.findByUsername).toHaveBeenCalledWith('reception');
      expect(throttle.admit).toHaveBeenCalledWith('reception', '10.0.0.1', now);
      expect(throttle.succeeded).toHaveBeenCalledWith('reception', '10.0.0.1');
      expect(result.accessToken).toBe('token');
      expect(tokens.sign).toHaveBeenCalledWith(expect.objectContaining({ id: result.user.id, tokenVersion: 4 }));
      expect(result.user).not.toHaveProperty('passwordHash');
      expect(users.recordSuccess).toHaveBeenCalledWith(result.user.id, now);
      expect(users.upgradeHash).not.toHaveBeenCalled();
      expect(audit.record).toHaveBeenCalledWith({
        actor: 'reception',
        action: 'auth.login',
        subject: 'user:reception',
        ip: '10.0.0.1',
      });
    });

    it('answers an unknown user and a wrong password alike, each counted by the throttle', async () => {
      // given
      users.findByUsername.mockResolvedValueOnce(undefined).mockResolvedValueOnce(user());
      const verify = jest.spyOn(hasher, 'verify');
      // when
      const unknown = await service.login('nobody', 'right', '10.0.0.2').catch((e) => e);
      const wrong = await service.login('reception', 'wrong', '10.0.0.2').catch((e) => e);
      // then
      for (const error of [unknown, wrong])
        expect(error).toMatchObject({
          status: 401,
          code: 'AUTH_INVALID_CREDENTIALS',
          message: 'Wrong username or password',
        });
      expect(throttle.failed.mock.calls).toEqual([
        ['nobody', '10.0.0.2'],
        ['reception', '10.0.0.2'],
      ]);
      expect(users.recordFailure).toHaveBeenCalledTimes(1);
      expect(actions()).toEqual(['auth.login_failed', 'auth.login_failed']);
      // and the unknown user cost one scrypt at the current parameters, like a real account
      expect(verify.mock.calls[0][1]).toMatch(/^scrypt\$1024\$8\$1\$/);
      verify.mockRestore();
    });

    it('refuses a throttled attempt before reading the account or hashing anything', async () => {
      // given
      throttle.admit.mockRejectedValue(new AppError(429, 'LOGIN_THROTTLED', 'wait', { retryAfterSeconds: 15 }));
      const verify = jest.spyOn(hasher, 'verify');
      // when
      const error = await service.login('reception', 'right', '10.0.0.3').catch((e) => e);
      // then
      expect(error).toMatchObject({ status: 429, code: 'LOGIN_THROTTLED' });
      expect(users.findByUsername).not.toHaveBeenCalled();
      expect(verify).not.toHaveBeenCalled();
      expect(audit.record).not.toHaveBeenCalled();
      verify.mockRestore();
    });

    it('audits the wait a failure starts', async () => {
      users.findByUsername.mockResolvedValue(user());
      throttle.failed.mockResolvedValue(15_000);
      await expect(service.login('reception', 'wrong')).rejects.toMatchObject({ status: 401 });
      expect(audit.record).toHaveBeenCalledWith(
        expect.objectContaining({ action: 'auth.login_failed', data: { reason: 'wrong_password', waitSeconds: 15 } }),
      );
    });

    it('answers an inactive account as wrong credentials, even with the right password', async () => {
      users.findByUsername.mockResolvedValue(user({ active: false }));
      await expect(service.login('reception', 'right')).rejects.toMatchObject({
        status: 401,
        code: 'AUTH_INVALID_CREDENTIALS',
      });
      expect(throttle.failed).toHaveBeenCalled();
      expect(throttle.succeeded).not.toHaveBeenCalled();
    });

    it('upgrades a hash of an older cost at a successful login', async () => {
      // given a hash made with N=512
      const old = await new PasswordHasher({ N: 512, r: 8, p: 1 }).hash('right');
      users.findByUsername.mockResolvedValue(user({ passwordHash: old }));
      // when
      await service.login('reception', 'right');
      // then the new hash has the current cost and verifies the same password
      const [id, verified, upgraded] = users.upgradeHash.mock.calls[0];
      expect([id, verified]).toEqual([user().id, old]);
      expect(upgraded).toMatch(/^scrypt\$1024\$8\$1\$/);
      await expect(hasher.verify('right', upgraded)).resolves.toBe(true);
      expect(actions()).toEqual(['auth.password_rehashed', 'auth.login']);
    });
  });

  describe('changePassword', () => {
    it('stores the new hash and answers a token of the new version', async () => {
      // given
      users.findById.mockResolvedValue(user());
      // when
      const result = await service.changePassword(user().id, 'right', 'Dong-lua-chin-2027', '10.0.0.4');
      // then
      expect(result).toEqual({ accessToken: 'token' });
      expect(tokens.sign).toHaveBeenCalledWith(expect.objectContaining({ id: user().id, tokenVersion: 5 }));
      await expect(hasher.verify('Dong-lua-chin-2027', users.setPassword.mock.calls[0][1])).resolves.toBe(true);
    });

    it('counts a wrong current password like a failed login (400 CURRENT_PASSWORD_WRONG)', async () => {
      users.findById.mockResolvedValue(user());
      await expect(service.changePassword(user().id, 'wrong', 'Dong-lua-chin-2027', '10.0.0.5')).rejects.toMatchObject({
        status: 400,
        code: 'CURRENT_PASSWORD_WRONG',
      });
      expect(throttle.failed).toHaveBeenCalledWith('reception', '10.0.0.5');
      expect(users.setPassword).not.toHaveBeenCalled();
    });
  });
});
