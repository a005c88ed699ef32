import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';

/** The one shape of every error answer, written only by `AppErrorFilter` (docs/architecture.md "Errors"). */
export class ErrorBodyDto {
  @ApiProperty({ description: 'The HTTP status, repeated', example: 404 })
  statusCode: number;

  @ApiProperty({ description: 'Stable code the clients branch on (never a sentence)', example: 'NOT_FOUND' })
  code: string;

  @ApiProperty({
    description: 'English, for developers and logs; the web app shows its own Vietnamese text for the code',
  })
  message: string;

  // An object ({ units }, { retryAfterSeconds }…) or a list (validation messages, BPMN issues).
  @ApiPropertyOptional({
    description: 'Code-specific detail (field names, limits, retry delays)',
    oneOf: [
      { type: 'object', additionalProperties: true },
      { type: 'array', items: {} },
    ],
  })
  details?: unknown;
}

/** HTTP status → the stable codes a route may answer with it. */
export type ErrorCodes = Partial<
  Record<400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503, readonly string[]>
>;

const DESCRIPTIONS: Record<number, string> = {
  400: 'The request is refused (see code)',
  401: 'Sign in first, or the token is no longer valid',
  403: 'The caller may not do this',
  404: 'Not found',
  409: 'Conflicts with the current state',
  413: 'Too large',
  415: 'Unsupported media type',
  422: 'Cannot be processed',
  429: 'Too many requests: wait and retry',
  500: 'Server error',
  503: 'A dependency is unavailable',
};

/** The response object for one status: an ErrorBody whose `code` is one of `codes`. */
export function errorResponse(status: number, codes: readonly string[]) {
  const unique = [...new Set(codes)].sort();
  return {
    description: `${DESCRIPTIONS[status] ?? 'Error'}: ${unique.join(', ')}`,
    content: {
      'application/json': {
        schema: {
          allOf: [
            { $ref: getSchemaPath(ErrorBodyDto) },
            { type: 'object', required: ['code'], properties: { code: { type: 'string', enum: unique } } },
          ],
        },
      },
    },
  };
}

/**
 * Declares the error answers of a route (or of every route of a controller) with their stable
 * codes: `@ApiErrors({ 404: ['TASK_NOT_FOUND'], 409: ['TASK_ALREADY_CLAIMED'] })`. The codes are
 * the ones the handler and its services throw; `VALIDATION_FAILED` for DTO-validated routes.
 * Answers of the guards (401, 403 `FORBIDDEN_ROLE`…) are added from the guard metadata when the
 * document is built (apps/server/src/openapi), so they are not listed here. Use it once per
 * status: a route's answer for a status replaces its controller's.
 */
export function ApiErrors(codes: ErrorCodes): MethodDecorator & ClassDecorator {
  const entries = Object.entries(codes).filter(([, list]) => list && list.length) as [string, readonly string[]][];
  return applyDecorators(
    ...entries.map(([status, list]) => ApiResponse({ status: Number(status), ...errorResponse(Number(status), list) })),
  );
}
