import { AsyncLocalStorage } from 'node:async_hooks';
import { AppError } from '../../../common/src';

/** The keyed request being served, as the interceptor reserved it. */
export interface IdempotentRequest {
  userId: string;
  key: string;
  /** This attempt's token: only the attempt holding the reservation may commit work under the key. */
  attempt: string;
  /** The route's success status, for an answer recorded inside the work's transaction. */
  successStatus: number;
  /** JSON of the answer, when the service knows it before commit (see `recordIdempotentAnswer`). */
  answer?: string;
  /** False once the handler has returned: later work in the same async context is not the request's. */
  open: boolean;
}

const scope = new AsyncLocalStorage<IdempotentRequest>();

/** Runs `work` as the keyed request `request`. */
export function runIdempotent<T>(request: IdempotentRequest, work: () => Promise<T>): Promise<T> {
  return scope.run(request, work);
}

/** The keyed request this code serves, if any. */
export function currentIdempotentRequest(): IdempotentRequest | undefined {
  const request = scope.getStore();
  return request?.open ? request : undefined;
}

/**
 * A service whose answer cannot be rebuilt later (reception: the lookup key exists only in it)
 * gives it here, inside its transaction: it is committed with the work, so a retry after a crash
 * between commit and answer still gets it. Must be the same value the controller returns.
 */
export function recordIdempotentAnswer(answer: unknown): void {
  const request = currentIdempotentRequest();
  if (request) request.answer = JSON.stringify(answer);
}

/** As `recordIdempotentAnswer`, for an answer that costs reads: `read` runs only for a keyed request. */
export async function recordIdempotentAnswerOf(read: () => Promise<unknown>): Promise<void> {
  if (currentIdempotentRequest()) recordIdempotentAnswer(await read());
}

/**
 * Called by the command executor inside the work's transaction, just before commit: marks the
 * key `committed` (with the recorded answer, if any) in the same commit as the work. Fails the
 * transaction when this attempt no longer holds the key (a retry took over a stale reservation),
 * so the work under one key commits at most once.
 */
export async function markIdempotentCommit(sql: {
  rows(query: string, params?: unknown[]): Promise<unknown[]>;
}): Promise<void> {
  const request = currentIdempotentRequest();
  if (!request) return;
  const rows = await sql.rows(
    `UPDATE idempotency_keys
        SET status = CASE WHEN status = 'completed' THEN status ELSE 'committed' END,
            response_status = CASE WHEN $4::text IS NULL THEN response_status ELSE $5::int END,
            response_body = COALESCE($4::text, response_body)
      WHERE user_id = $1 AND key = $2 AND attempt = $3
      RETURNING 1`,
    [request.userId, request.key, request.attempt, request.answer ?? null, request.successStatus],
  );
  if (rows.length === 0) {
    throw AppError.conflict(
      'IDEMPOTENCY_KEY_IN_PROGRESS',
      'Another attempt with this Idempotency-Key took over; wait for its answer and retry',
    );
  }
}
