import {
  Injectable,
  Logger,
  SetMetadata,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { AppError, type AuthUser } from '../../../common/src';
import { IdempotencyKeysRepository, type IdempotencyKeyRow } from './idempotency-keys.repository';
import { parseIdempotencyKey, requestFingerprint } from './idempotency-request.rules';
import { runIdempotent, type IdempotentRequest } from './idempotency.scope';

/** Set on an answer that is the stored first answer of a key, not a new execution. */
export const REPLAYED_HEADER = 'Idempotency-Replayed';

const OWN_IDEMPOTENCY = 'motcua:own-idempotency';
/**
 * On a route whose service honours `Idempotency-Key` itself, because the request can only be
 * fingerprinted once its body has been read (file uploads: the hash of the bytes).
 */
export const HandlesIdempotencyKey = () => SetMetadata(OWN_IDEMPOTENCY, true);

/**
 * `Idempotency-Key` on authenticated POSTs (docs/security.md, "Idempotent retries"): reserves the
 * key, runs the handler as the keyed request (the command executor commits the key with the
 * work), stores the answer; a retry gets that answer again. Anonymous requests ignore the header:
 * they create nothing a retry could duplicate (login, public lookup, the SMS gateway's inbound);
 * so do multipart bodies, not parsed yet here (a form template upload). Dossier file uploads
 * ({@link HandlesIdempotencyKey}) fingerprint their bytes and keep the key in their own commit.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger(IdempotencyInterceptor.name);

  constructor(
    private readonly keys: IdempotencyKeysRepository,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    if (this.reflector.get<boolean>(OWN_IDEMPOTENCY, context.getHandler())) return next.handle();
    const request = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    if (request.method !== 'POST' || request.headers['idempotency-key'] === undefined || !request.user)
      return next.handle();
    // A multipart body (a form template upload) is parsed after interceptors: it could not be fingerprinted.
    if (request.is('multipart/form-data')) return next.handle();
    return from(this.serve(request, context.switchToHttp().getResponse<Response>(), request.user, next));
  }

  private async serve(request: Request, response: Response, user: AuthUser, next: CallHandler): Promise<unknown> {
    const key = parseIdempotencyKey(request.headers['idempotency-key'])!;
    const requestHash = requestFingerprint(request.method, request.originalUrl, request.body);
    const attempt = randomUUID();
    const route = `${request.method} ${request.originalUrl}`.slice(0, 500);
    const reservation = await this.keys.reserve({ userId: user.id, key, route, requestHash, attempt });
    if (!reservation.reserved) return this.replay(reservation.row, requestHash, response);

    // Nest has set the route's status (201, or its @HttpCode) before interceptors run.
    const keyed: IdempotentRequest = { userId: user.id, key, attempt, successStatus: response.statusCode, open: true };
    let value: unknown;
    try {
      value = await runIdempotent(keyed, () => lastValueFrom(next.handle(), { defaultValue: undefined }));
    } catch (error) {
      keyed.open = false;
      // A reservation left behind (the database is failing too) frees itself after the lease.
      await this.keys.release(user.id, key, attempt).catch(() => undefined);
      throw error;
    }
    keyed.open = false;
    try {
      await this.keys.complete(
        user.id,
        key,
        attempt,
        response.statusCode,
        value === undefined ? null : JSON.stringify(value),
      );
    } catch (error) {
      // The work is committed: the client gets its answer; a retry finds the key committed (never redone).
      this.logger.error(`storing the answer of an idempotency key failed: ${(error as Error).message}`);
    }
    return value;
  }

  /** The stored answer of the key's first request, or why there is none to give. */
  private replay(row: IdempotencyKeyRow | undefined, requestHash: string, response: Response): unknown {
    const answer = storedAnswer(row, requestHash);
    response.status(answer.status);
    response.setHeader(REPLAYED_HEADER, 'true');
    return answer.body;
  }
}

/**
 * The stored answer of a key's first request for a retry fingerprinted `requestHash`, or the 409
 * that says why there is none to give (another request under the key, still in progress, lost).
 */
export function storedAnswer(
  row: IdempotencyKeyRow | undefined,
  requestHash: string,
): { status: number; body: unknown } {
  if (!row)
    throw AppError.conflict(
      'IDEMPOTENCY_KEY_IN_PROGRESS',
      'The request with this Idempotency-Key just changed state; retry',
    );
  if (row.request_hash !== requestHash) {
    throw AppError.conflict(
      'IDEMPOTENCY_KEY_REUSED',
      'This Idempotency-Key was used for another request; send a new key for a new request',
    );
  }
  // Committed but not yet answered is the normal instant between commit and answer, unless it lasts.
  if (row.status === 'in_progress' || (row.response_status === null && !row.stale)) {
    throw AppError.conflict(
      'IDEMPOTENCY_KEY_IN_PROGRESS',
      'A request with this Idempotency-Key is still being served; retry in a moment',
    );
  }
  if (row.response_status === null) {
    // The work committed but the process died before its answer was stored (see docs/security.md).
    throw AppError.conflict(
      'IDEMPOTENCY_KEY_ANSWER_LOST',
      'This request was carried out, but its answer was lost; read the resource to see its state',
    );
  }
  // The stored text came from JSON.stringify, so Nest's JSON.stringify of its parse is the same bytes.
  return { status: row.response_status, body: row.response_body === null ? undefined : JSON.parse(row.response_body) };
}
