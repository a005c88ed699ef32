import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { catchError, type Observable } from 'rxjs';
import { AppError } from '../app-error';

/** Seconds to wait, from an error's `details.retryAfterSeconds`, if it has them. */
export function retryAfterSeconds(error: unknown): number | undefined {
  const seconds =
    error instanceof AppError
      ? (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds
      : undefined;
  return typeof seconds === 'number' ? seconds : undefined;
}

/** Copies a throttling error's wait into the `Retry-After` header (RFC 9110 §10.2.3), then lets it through. */
@Injectable()
export class RetryAfterInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        const seconds = retryAfterSeconds(error);
        if (seconds !== undefined)
          context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(seconds));
        throw error;
      }),
    );
  }
}
