import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import {
  AppError,
  IS_CITIZEN_ROUTE,
  IS_PUBLIC,
  REQUIRED_ROLES,
  rolesMatchGroups,
  type AuthUser,
} from '../../../common/src';
import { UsersRepository } from '../repositories/users.repository';
import { AccessTokenService } from '../services/access-token.service';
import { toProfile } from '../services/users.service';
import { ALLOWED_DURING_PASSWORD_CHANGE } from './password-change.decorator';

/** The token of an `Authorization: Bearer <token>` header, if any. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/**
 * Global guard (APP_GUARD): `@Public()` routes pass; others need a valid bearer token of an
 * active account, signed at its current token version (reloaded on every request, so a
 * deactivation, a password change or a reset ends the account's tokens at once), then one of the
 * `@Roles(...)`, if any. Failed logins never end tokens (issue 15: that let strangers log officers out). An account with a temporary password may only read
 * itself and change the password (403 `PASSWORD_CHANGE_REQUIRED`). A citizen route (`CitizenOnly()`
 * of libs/citizens) is left to the CitizenGuard, which asks for a citizen token (ADR 0027); a
 * citizen token never passes here (another key, and `verify` refuses its audience).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
    private readonly users: UsersRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    if (this.reflector.getAllAndOverride<boolean>(IS_CITIZEN_ROUTE, targets)) return true;
    if (context.getType() !== 'http') throw AppError.unauthorized('AUTH_REQUIRED', 'Authentication required');

    const request = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const token = bearerToken(request.headers.authorization);
    if (!token) throw AppError.unauthorized('AUTH_REQUIRED', 'Sign in first: send Authorization: Bearer <token>');
    const claims = await this.tokens.verify(token);
    const user = await this.users.findById(claims.userId);
    if (!user || !user.active)
      throw AppError.unauthorized('AUTH_TOKEN_INVALID', 'The account of this token is inactive');
    if (user.tokenVersion !== claims.tokenVersion) {
      throw AppError.unauthorized(
        'AUTH_TOKEN_INVALID',
        'The password of this account was changed since this token was issued: sign in again',
      );
    }
    request.user = toProfile(user);
    if (
      user.mustChangePassword &&
      !this.reflector.getAllAndOverride<boolean>(ALLOWED_DURING_PASSWORD_CHANGE, targets)
    ) {
      throw AppError.forbidden('PASSWORD_CHANGE_REQUIRED', 'Change your password first (POST /api/auth/password)');
    }

    const required = this.reflector.getAllAndOverride<string[] | undefined>(REQUIRED_ROLES, targets);
    if (required?.length && !rolesMatchGroups(user.roles, required)) {
      throw AppError.forbidden('FORBIDDEN_ROLE', `Requires one of the roles: ${required.join(', ')}`);
    }
    return true;
  }
}
