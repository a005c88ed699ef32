import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from '../../apps/server/src/app.module';
import { guardedRoutes, type GuardedRoute } from '../../apps/server/src/openapi/guarded-routes';
import { buildOpenApiDocument } from '../../apps/server/src/openapi/openapi.document';

type Operation = {
  operationId?: string;
  security?: Record<string, string[]>[];
  responses: Record<string, { content?: unknown }>;
};

/** What the document says about one route's login, in words a failure message can show. */
function documented(operation: Operation | undefined): string {
  if (!operation) return 'missing from the document';
  const security = operation.security ?? [];
  if (security.some((requirement) => 'citizenToken' in requirement))
    return security.length === 1 && operation.responses['401'] ? 'citizen' : `citizen with ${JSON.stringify(security)}`;
  const bearer = security.some((requirement) => 'bearer' in requirement);
  if (!bearer) return 'public';
  const answers401 = !!operation.responses['401'];
  return answers401 && security.length === 1
    ? 'bearer'
    : `bearer with ${JSON.stringify(security)}, 401 declared: ${answers401}`;
}

// Issue 17 item 1: "18 operations shown as needing no login but answer 401". The document's
// security of every route must say what the global AuthGuard does with that route's metadata.
describe('security requirements in the OpenAPI document match the guards', () => {
  let routes: GuardedRoute[];
  let document: OpenAPIObject;

  beforeAll(async () => {
    const app = await NestFactory.create(AppModule, { preview: true, abortOnError: false, logger: false });
    routes = guardedRoutes(app);
    document = buildOpenApiDocument(app);
    await app.close();
  });

  it('every route handler is in the document with the login its guard asks for', () => {
    // given every controller method's guard metadata and the document's operations
    const operations = new Map<string, Operation>();
    for (const item of Object.values(document.paths)) {
      for (const operation of Object.values(item) as Operation[])
        if (operation?.operationId) operations.set(operation.operationId, operation);
    }
    // when each route's documented security is read
    const mismatches = routes
      .map((route) => ({
        route: route.operationId,
        guard: route.public ? 'public' : route.citizen ? 'citizen' : 'bearer',
        document: documented(operations.get(route.operationId)),
      }))
      .filter((row) => row.guard !== row.document);
    // then none disagrees
    expect(routes.length).toBeGreaterThan(80);
    expect(mismatches).toEqual([]);
  });

  it('public routes need no login, and every guarded route answers 401 AUTH_REQUIRED', () => {
    const publicRoutes = routes
      .filter((route) => route.public)
      .map((route) => route.operationId)
      .sort();
    expect(publicRoutes).toContain('AuthController_login');
    expect(publicRoutes).toContain('HealthController_health');
    for (const route of routes.filter((r) => !r.public && !r.citizen))
      expect(route.errors[401]).toContain('AUTH_REQUIRED');
  });

  it('citizen routes (ADR 0027) name the citizen token, never the staff bearer, and answer 401 CITIZEN_AUTH_REQUIRED', () => {
    const citizen = routes.filter((route) => route.citizen);
    expect(citizen.map((route) => route.operationId)).toEqual(
      expect.arrayContaining(['CitizenAuthController_me', 'CitizenAuthController_signOut']),
    );
    for (const route of citizen) expect(route.errors[401]).toEqual(['CITIZEN_AUTH_REQUIRED']);
    // and the sign-in itself is public
    const publicIds = routes.filter((route) => route.public).map((route) => route.operationId);
    expect(publicIds).toEqual(expect.arrayContaining(['CitizenAuthController_code', 'CitizenAuthController_verify']));
  });
});
