import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { CitizenPrincipal } from '../../common/src';
import { CitizenAccountsRepository } from './citizen-accounts.repository';
import { citizenAuthRequired, CitizenTokenService } from './citizen-token.service';

/** The token of an `Authorization: Bearer <token>` header, if any. */
function bearer(header: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
}

/**
 * The guard of `CitizenOnly()` routes: a valid citizen token of an existing account at its
 * current token version (a sign-out ends older ones), else 401 `CITIZEN_AUTH_REQUIRED` — also for
 * a staff token. Puts `{ citizenId, phone }` on the request for `CurrentCitizen()`. Its answers
 * are listed in libs/identity's guard-answers.ts for the OpenAPI document: keep the two in step.
 */
@Injectable()
export class CitizenGuard implements CanActivate {
  constructor(
    private readonly tokens: CitizenTokenService,
    private readonly accounts: CitizenAccountsRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') throw citizenAuthRequired();
    const request = context.switchToHttp().getRequest<Request & { citizen?: CitizenPrincipal }>();
    const token = bearer(request.headers.authorization);
    if (!token) throw citizenAuthRequired();
    const claims = await this.tokens.verify(token);
    const account = await this.accounts.find(claims.citizenId);
    if (!account || account.tokenVersion !== claims.tokenVersion || account.phone !== claims.phone)
      throw citizenAuthRequired('This citizen session has ended: sign in again');
    request.citizen = { citizenId: account.id, phone: account.phone };
    return true;
  }
}
