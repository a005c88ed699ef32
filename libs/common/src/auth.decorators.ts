import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { AuthUser } from './auth-user';

export const IS_PUBLIC = 'motcua:public';
export const REQUIRED_ROLES = 'motcua:roles';

/** Marks a route as reachable without a token (login, public lookup, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Restricts a route to callers holding at least one of these roles. */
export const Roles = (...roles: string[]) => SetMetadata(REQUIRED_ROLES, roles);

/** The caller set on the request by the authentication guard. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest().user;
});
