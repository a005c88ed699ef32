import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ErrorBodyDto, errorResponse } from '../../../../libs/common/src';
import { AppModule } from '../app.module';
import { guardedRoutes, type GuardedRoute } from './guarded-routes';

// @nestjs/swagger exports only the document type; the parts are read off it.
type OperationObject = NonNullable<OpenAPIObject['paths'][string]['get']>;
type ResponseObject = Extract<OperationObject['responses'][string], { description: string }>;
interface SchemaObject {
  allOf?: SchemaObject[];
  properties?: Record<string, SchemaObject>;
  enum?: string[];
}

/** The security scheme of `CitizenOnly()` routes: a citizen token, never the staff bearer. */
export const CITIZEN_SCHEME = 'citizenToken';

/** The document's header: title, version, the bearer scheme every guarded route names. */
export function openApiConfig(): Omit<OpenAPIObject, 'paths'> {
  return new DocumentBuilder()
    .setTitle('motcua API')
    .setDescription('Một cửa điện tử liên thông — HTTP API (DESIGN §6)')
    .setVersion('0.1.0')
    .setLicense('Apache-2.0', 'https://www.apache.org/licenses/LICENSE-2.0')
    .addServer('/', 'This server')
    .addBearerAuth()
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'METRICS_TOKEN, when set (GET /metrics only)' },
      'metricsToken',
    )
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'A citizen token from POST /api/citizen/auth/verify (/api/citizen/… routes only; ADR 0027)',
      },
      CITIZEN_SCHEME,
    )
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'x-sms-secret',
        description: 'SMS_INBOUND_SECRET (POST /api/sms/inbound only)',
      },
      'smsSecret',
    )
    .build();
}

/** The OpenAPI document of a built app (served at /api/docs, written to docs/openapi.json). */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(app, openApiConfig(), { extraModels: [ErrorBodyDto] });
  applyGuards(document, guardedRoutes(app));
  return document;
}

/**
 * Security and the guard's error answers come from the guard metadata, never from hand-placed
 * `@ApiBearerAuth()`, so the document cannot say "no login" where the guard answers 401
 * (issue 17 item 1). A public route keeps a scheme it declares itself (the SMS gateway's secret).
 */
function applyGuards(document: OpenAPIObject, routes: GuardedRoute[]): void {
  const byId = new Map(routes.map((route) => [route.operationId, route]));
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as OperationObject[]) {
      const route =
        typeof operation === 'object' && operation?.operationId ? byId.get(operation.operationId) : undefined;
      if (!route) continue;
      if (route.public) {
        const own = (operation.security ?? []).filter(
          (requirement: Record<string, string[]>) => !('bearer' in requirement),
        );
        operation.security = own;
      } else if (route.citizen) {
        operation.security = [{ [CITIZEN_SCHEME]: [] }];
      } else {
        operation.security = [{ bearer: [] }];
      }
      for (const [status, codes] of Object.entries(route.errors)) {
        operation.responses[status] = mergedError(
          Number(status),
          operation.responses[status] as ResponseObject | undefined,
          codes ?? [],
        );
      }
    }
  }
}

/** An error answer with the guard's codes added to those the route declared (`@ApiErrors`). */
function mergedError(status: number, declared: ResponseObject | undefined, codes: readonly string[]): ResponseObject {
  const schema = declared?.content?.['application/json']?.schema as SchemaObject | undefined;
  const own =
    ((schema?.allOf?.[1] as SchemaObject | undefined)?.properties?.code as SchemaObject | undefined)?.enum ?? [];
  return errorResponse(status, [...own, ...codes]) as ResponseObject;
}

/**
 * The document without Postgres or Redis: the module graph in preview mode registers the
 * controllers' metadata but instantiates no provider, so nothing connects (issue 17 item 1).
 */
export async function openApiDocumentOffline(): Promise<OpenAPIObject> {
  const app = await NestFactory.create(AppModule, { preview: true, abortOnError: false, logger: false });
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
