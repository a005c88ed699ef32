import { CanActivate, ExecutionContext, Inject, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AppError, CLOCK, IS_PUBLIC, REQUIRED_ROLES, rolesMatchGroups, systemClock, type AuthUser, type Clock } from '../../../common/src';
import { UsersRepository } from '../repositories/users.repository';
import { AccessTokenService } from '../services/access-token.service';
import { isLockedOut } from '../services/lockout.policy';
import { toProfile } from '../services/users.service';
import { ALLOWED_DURING_PASSWORD_CHANGE } from './password-change.decorator';

/** The token of an `Authorization: Bearer <token>` header, if any. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/**
 * Global guard (APP_GUARD): `@Public()` routes pass; others need a valid bearer token of an
 * active, unlocked account (reloaded on every request, so deactivation takes effect at once),
 * then one of the `@Roles(...)`, if any. An account with a temporary password may only read
 * itself and change the password (403 `PASSWORD_CHANGE_REQUIRED`).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly clock: Clock;

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
    private readonly users: UsersRepository,
    @Optional() @Inject(CLOCK) clock?: Clock,
  ) {
    this.clock = clock ?? systemClock;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    if (context.getType() !== 'http') throw AppError.unauthorized('AUTH_REQUIRED', 'Authentication required');

    const request = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const token = bearerToken(request.headers.authorization);
    if (!token) throw AppError.unauthorized('AUTH_REQUIRED', 'Sign in first: send Authorization: Bearer <token>');
    const user = await this.users.findById(await this.tokens.verify(token));
    if (!user || !user.active || isLockedOut(user.lockedUntil, this.clock.now())) {
      throw AppError.unauthorized('AUTH_TOKEN_INVALID', 'The account of this token is inactive or locked');
    }
    request.user = toProfile(user);
    if (user.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(ALLOWED_DURING_PASSWORD_CHANGE, targets)) {
      throw AppError.forbidden('PASSWORD_CHANGE_REQUIRED', 'Change your password first (POST /api/auth/password)');
    }

    const required = this.reflector.getAllAndOverride<string[] | undefined>(REQUIRED_ROLES, targets);
    if (required?.length && !rolesMatchGroups(user.roles, required)) {
      throw AppError.forbidden('FORBIDDEN_ROLE', `Requires one of the roles: ${required.join(', ')}`);
    }
    return true;
  }
}
