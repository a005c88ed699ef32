import type { UserRecord, UsersRepository } from '../repositories/users.repository';
import type { AccessTokenService } from './access-token.service';
import type { AuditLogService } from './audit-log.service';
import { AuthService } from './auth.service';
import { PasswordHasher } from './password-hasher.service';

describe('AuthService.login', () => {
  const now = new Date('2025-06-02T03:00:00Z');
  const hasher = new PasswordHasher({ N: 1024, r: 8, p: 1 });
  let hash: string;
  let users: jest.Mocked<Pick<UsersRepository, 'findByUsername' | 'findById' | 'recordFailure' | 'recordSuccess'>>;
  let audit: { record: jest.Mock };
  let service: AuthService;

  const user = (overrides: Partial<UserRecord> = {}): UserRecord => ({
    id: '7f1c2b9e-0000-4000-8000-000000000001', username: 'reception', fullName: 'Trần Thị Thu Hà',
    unitId: 'u1', unitCode: '000.00.20.H15', unitName: 'UBND thành phố Buôn Ma Thuột', roles: ['reception'],
    active: true, mustChangePassword: false, passwordHash: hash, failedLogins: 0, lockedUntil: null, ...overrides,
  });
  const actions = () => audit.record.mock.calls.map(([entry]) => entry.action);

  beforeAll(async () => {
    hash = await hasher.hash('right');
  });

  beforeEach(() => {
    users = {
      findByUsername: jest.fn(),
      findById: jest.fn(),
      recordFailure: jest.fn(),
      recordSuccess: jest.fn().mockResolvedValue(true),
    };
    audit = { record: jest.fn().mockResolvedValue(undefined) };
    const tokens = { sign: jest.fn().mockResolvedValue('token') } as unknown as AccessTokenService;
    service = new AuthService(users as unknown as UsersRepository, hasher, tokens, audit as unknown as AuditLogService, { now: () => now });
  });

  it('returns a token and the profile, resets the counter and audits auth.login', async () => {
    // given
    users.findByUsername.mockResolvedValue(user({ failedLogins: 3 }));
    // when
    const result = await service.login('  Reception ', 'right', '10.0.0.1');
    // then
    expect(users.findByUsername).toHaveBeenCalledWith('reception');
    expect(result.accessToken).toBe('token');
    expect(result.user).not.toHaveProperty('passwordHash');
    expect(result.user).toMatchObject({ username: 'reception', unitCode: '000.00.20.H15', roles: ['reception'] });
    expect(users.recordSuccess).toHaveBeenCalledWith(result.user.id, now);
    expect(audit.record).toHaveBeenCalledWith({ actor: 'reception', action: 'auth.login', subject: 'user:reception', ip: '10.0.0.1' });
  });

  it('answers an unknown user and a wrong password alike', async () => {
    // given
    users.findByUsername.mockResolvedValueOnce(undefined).mockResolvedValueOnce(user());
    users.recordFailure.mockResolvedValue({ failedLogins: 1, lockedUntil: null });
    // when
    const unknown = await service.login('nobody', 'right').catch((e) => e);
    const wrong = await service.login('reception', 'wrong').catch((e) => e);
    // then
    for (const error of [unknown, wrong]) expect(error).toMatchObject({ status: 401, code: 'AUTH_INVALID_CREDENTIALS', message: 'Wrong username or password' });
    expect(actions()).toEqual(['auth.login_failed', 'auth.login_failed']);
  });

  it('locks on the failure that reaches the limit and audits auth.locked', async () => {
    // given the 5th wrong password
    const lockedUntil = new Date('2025-06-02T03:15:00Z');
    users.findByUsername.mockResolvedValue(user({ failedLogins: 4 }));
    users.recordFailure.mockResolvedValue({ failedLogins: 5, lockedUntil });
    // when
    const error = await service.login('reception', 'wrong').catch((e) => e);
    // then
    expect(users.recordFailure).toHaveBeenCalledWith(expect.any(String), now, 5, 900);
    expect(error).toMatchObject({ status: 423, code: 'AUTH_LOCKED' });
    expect(actions()).toEqual(['auth.login_failed', 'auth.locked']);
  });

  it('refuses the right password while locked, without counting', async () => {
    // given
    users.findByUsername.mockResolvedValue(user({ failedLogins: 5, lockedUntil: new Date('2025-06-02T03:10:00Z') }));
    // when
    const error = await service.login('reception', 'right').catch((e) => e);
    // then
    expect(error).toMatchObject({ status: 423, code: 'AUTH_LOCKED' });
    expect(users.recordFailure).not.toHaveBeenCalled();
    expect(users.recordSuccess).not.toHaveBeenCalled();
  });

  it('lets the right password in once the lock has run out', async () => {
    users.findByUsername.mockResolvedValue(user({ failedLogins: 5, lockedUntil: new Date('2025-06-02T02:59:00Z') }));
    await expect(service.login('reception', 'right')).resolves.toMatchObject({ accessToken: 'token' });
  });

  it('refuses the right password when a concurrent failure locked the account meanwhile', async () => {
    // given the read saw no lock, but the reset finds one
    const lockedUntil = new Date('2025-06-02T03:15:00Z');
    users.findByUsername.mockResolvedValue(user({ failedLogins: 4 }));
    users.recordSuccess.mockResolvedValue(false);
    users.findById.mockResolvedValue(user({ failedLogins: 5, lockedUntil }));
    // when
    const error = await service.login('reception', 'right').catch((e) => e);
    // then
    expect(error).toMatchObject({ status: 423, code: 'AUTH_LOCKED' });
  });

  it('answers an inactive account as wrong credentials, even with the right password', async () => {
    users.findByUsername.mockResolvedValue(user({ active: false }));
    await expect(service.login('reception', 'right')).rejects.toMatchObject({ status: 401, code: 'AUTH_INVALID_CREDENTIALS' });
    expect(users.recordSuccess).not.toHaveBeenCalled();
  });
});
