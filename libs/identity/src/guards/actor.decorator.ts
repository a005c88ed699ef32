import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { AuthUser } from '../../../common/src';
import type { AdminActor } from '../services/admin-scope';

/** The caller with the request's address, so administrative changes are audited with their IP. */
export const Actor = createParamDecorator((_: unknown, ctx: ExecutionContext): AdminActor => {
  const request = ctx.switchToHttp().getRequest<Request & { user: AuthUser }>();
  return { ...request.user, ip: request.ip };
});
