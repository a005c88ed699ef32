import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { AppError } from './app-error';

/** Codes for errors raised by Nest/Express itself, so clients always get a stable `code`. */
const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

/** A JSON body past the depth or size-in-values bound (apps/server body-depth.guard): its own code and message. */
function shapeRefused(error: { code?: string; message?: string }) {
  return {
    statusCode: 400,
    code: error.code ?? 'BODY_TOO_DEEP',
    message: error.message ?? 'Request body is nested too deep',
  };
}

/** The single place where errors become HTTP responses `{statusCode, code, message, details?}`. */
@Catch()
export class AppErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(error);
    // Every 5xx is logged, database errors included: a value the edge let through and Postgres
    // refused is a server bug (a missing bound in a DTO), not the client's fault, and the fuzzer
    // and the logs must see it (issue 15 item 12; such errors used to become 400 silently).
    if (body.statusCode >= 500) this.logger.error(error instanceof Error ? error.stack : String(error));
    if (!response.headersSent) response.status(body.statusCode).json(body);
  }

  private toBody(error: unknown): { statusCode: number; code: string; message: string; details?: unknown } {
    if (error instanceof AppError) {
      return { statusCode: error.status, code: error.code, message: error.message, details: error.details };
    }
    // Nest 12's Express adapter wraps body-parser errors in an HttpException; the cause keeps their `type`.
    const parserCause = (error instanceof HttpException ? error.cause : undefined) as
      { type?: string; code?: string; message?: string } | undefined;
    if (parserCause?.type === 'entity.parse.failed') {
      return { statusCode: 400, code: 'BODY_NOT_JSON', message: 'Request body is not valid JSON' };
    }
    if (parserCause?.type === 'entity.too.large') {
      return { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: 'Request body is over the size limit' };
    }
    if (parserCause?.type === 'entity.shape.refused') return shapeRefused(parserCause);
    if (error instanceof HttpException) {
      const statusCode = error.getStatus();
      const payload = error.getResponse() as { code?: string; message?: string | string[]; details?: unknown };
      const raw = typeof payload === 'object' ? payload : { message: String(payload) };
      const messages = Array.isArray(raw.message) ? raw.message : undefined;
      return {
        statusCode,
        code: raw.code ?? (messages ? 'VALIDATION_FAILED' : (HTTP_CODES[statusCode] ?? 'HTTP_ERROR')),
        message: messages ? messages.join('; ') : ((raw.message as string | undefined) ?? error.message),
        details: raw.details ?? messages,
      };
    }
    const bodyParser = error as { type?: string; status?: number; message?: string };
    if (bodyParser?.type === 'entity.parse.failed') {
      return { statusCode: 400, code: 'BODY_NOT_JSON', message: 'Request body is not valid JSON' };
    }
    if (bodyParser?.type === 'entity.too.large') {
      return { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: 'Request body is over the size limit' };
    }
    if (bodyParser?.type === 'entity.shape.refused') return shapeRefused(bodyParser);
    if (typeof bodyParser?.status === 'number' && bodyParser.status >= 400 && bodyParser.status < 500) {
      return {
        statusCode: bodyParser.status,
        code: HTTP_CODES[bodyParser.status] ?? 'HTTP_ERROR',
        message: bodyParser.message ?? 'Bad request',
      };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, code: 'INTERNAL_ERROR', message: 'Internal error' };
  }
}
