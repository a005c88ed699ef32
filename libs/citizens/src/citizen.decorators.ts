import { applyDecorators, createParamDecorator, SetMetadata, UseGuards, type ExecutionContext } from '@nestjs/common';
import { IS_CITIZEN_ROUTE, type CitizenPrincipal } from '../../common/src';
import { CitizenGuard } from './citizen.guard';

/**
 * A route (or every route of a controller) only a signed-in citizen may call: the staff AuthGuard
 * lets it through, the CitizenGuard asks for a citizen token (401 `CITIZEN_AUTH_REQUIRED`). The
 * OpenAPI document names the `citizenToken` scheme on it (apps/server/src/openapi).
 */
export const CitizenOnly = () => applyDecorators(SetMetadata(IS_CITIZEN_ROUTE, true), UseGuards(CitizenGuard));

/** The signed-in citizen of a `CitizenOnly()` route: `{ citizenId, phone }`. */
export const CurrentCitizen = createParamDecorator((_: unknown, ctx: ExecutionContext): CitizenPrincipal => {
  return ctx.switchToHttp().getRequest<{ citizen: CitizenPrincipal }>().citizen;
});
