import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_PUBLIC, REQUIRED_ROLES } from '../../../common/src';
import type { UserRecord, UsersRepository } from '../repositories/users.repository';
import type { AccessTokenService } from '../services/access-token.service';
import { AuthGuard, bearerToken } from './auth.guard';
import { ALLOWED_DURING_PASSWORD_CHANGE } from './password-change.decorator';

describe('bearerToken', () => {
  it.each([
    ['Bearer abc.def.ghi', 'abc.def.ghi'],
    ['bearer   abc', 'abc'],
    ['Basic dXNlcjpwdw==', undefined],
    ['Bearer', undefined],
    [undefined, undefined],
  ])('%p → %p', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });
});

describe('AuthGuard', () => {
  const record = (overrides: Partial<UserRecord> = {}): UserRecord => ({
    id: 'u-1',
    username: 'specialist.tnmt',
    fullName: 'Vũ Đức Long',
    unitId: 'unit-1',
    unitCode: '000.03.20.H15',
    unitName: 'Phòng Tài nguyên và Môi trường',
    roles: ['specialist:land'],
    active: true,
    mustChangePassword: false,
    passwordHash: 'x',
    failedLogins: 0,
    lockedUntil: null,
    tokenVersion: 2,
    ...overrides,
  });

  function setup(
    meta: { public?: boolean; roles?: string[]; duringPasswordChange?: boolean },
    found: UserRecord | undefined,
    authorization?: string,
  ) {
    const handler = () => undefined;
    if (meta.public) Reflect.defineMetadata(IS_PUBLIC, true, handler);
    if (meta.roles) Reflect.defineMetadata(REQUIRED_ROLES, meta.roles, handler);
    if (meta.duringPasswordChange) Reflect.defineMetadata(ALLOWED_DURING_PASSWORD_CHANGE, true, handler);
    const request: { headers: Record<string, string | undefined>; user?: unknown } = { headers: { authorization } };
    const context = {
      getHandler: () => handler,
      getClass: () => class {},
      getType: () => 'http',
      switchToHttp: () => ({ getRequest: () => request }),
    } as unknown as ExecutionContext;
    const tokens = {
      verify: jest.fn().mockResolvedValue({ userId: 'u-1', tokenVersion: 2 }),
    } as unknown as AccessTokenService;
    const users = { findById: jest.fn().mockResolvedValue(found) } as unknown as UsersRepository;
    const guard = new AuthGuard(new Reflector(), tokens, users);
    return { guard, context, request };
  }

  it('lets @Public() routes through without a token', async () => {
    const { guard, context } = setup({ public: true }, undefined);
    await expect(guard.canActivate(context)).resolves.toBe(true);
  });

  it('asks for a token when there is none (AUTH_REQUIRED)', async () => {
    const { guard, context } = setup({}, record());
    await expect(guard.canActivate(context)).rejects.toMatchObject({ status: 401, code: 'AUTH_REQUIRED' });
  });

  it('puts the user on the request', async () => {
    const { guard, context, request } = setup({}, record(), 'Bearer t');
    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(request.user).toMatchObject({ id: 'u-1', unitCode: '000.03.20.H15', roles: ['specialist:land'] });
    expect(request.user).not.toHaveProperty('passwordHash');
  });

  it.each([
    ['deactivated', record({ active: false })],
    ['deleted', undefined],
    ['whose password changed since (token version 2, account at 3)', record({ tokenVersion: 3 })],
  ])('refuses the token of a %s account (AUTH_TOKEN_INVALID)', async (_, found) => {
    const { guard, context } = setup({}, found, 'Bearer t');
    await expect(guard.canActivate(context)).rejects.toMatchObject({ status: 401, code: 'AUTH_TOKEN_INVALID' });
  });

  it('lets failed logins end no token: an account with failures and an old lock still passes', async () => {
    const { guard, context } = setup(
      {},
      record({ failedLogins: 12, lockedUntil: new Date(Date.now() + 600_000) }),
      'Bearer t',
    );
    await expect(guard.canActivate(context)).resolves.toBe(true);
  });

  it('lets a specialisation satisfy the role (specialist:land for specialist)', async () => {
    const { guard, context } = setup({ roles: ['specialist'] }, record(), 'Bearer t');
    await expect(guard.canActivate(context)).resolves.toBe(true);
  });

  it('refuses a user holding none of the roles (FORBIDDEN_ROLE)', async () => {
    const { guard, context } = setup({ roles: ['admin'] }, record(), 'Bearer t');
    await expect(guard.canActivate(context)).rejects.toMatchObject({ status: 403, code: 'FORBIDDEN_ROLE' });
  });

  it('holds a user with a temporary password to the password change (PASSWORD_CHANGE_REQUIRED)', async () => {
    // given
    const blocked = setup({}, record({ mustChangePassword: true }), 'Bearer t');
    const allowed = setup({ duringPasswordChange: true }, record({ mustChangePassword: true }), 'Bearer t');
    // then
    await expect(blocked.guard.canActivate(blocked.context)).rejects.toMatchObject({
      status: 403,
      code: 'PASSWORD_CHANGE_REQUIRED',
    });
    await expect(allowed.guard.canActivate(allowed.context)).resolves.toBe(true);
  });
});
