import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** How long a key is kept (the contract promises at least 24 hours). */
export const IDEMPOTENCY_KEY_TTL = '24 hours';
/**
 * A reservation whose work has not committed after this long is taken to be from a dead process
 * and may be taken over by a retry; the commit marker makes a late original fail, not run twice.
 */
export const IDEMPOTENCY_RESERVATION_LEASE = '30 seconds';

/** A key's row as a retry finds it. */
export interface IdempotencyKeyRow {
  request_hash: string;
  status: 'in_progress' | 'committed' | 'completed';
  response_status: number | null;
  response_body: string | null;
  /** Started longer than the lease ago: its process is taken to be dead. */
  stale: boolean;
}

/** What a reservation found. */
export type Reservation = { reserved: true } | { reserved: false; row: IdempotencyKeyRow | undefined };

/**
 * Completes an in-progress key inside another module's transaction (the upload commits its file rows
 * and the key's answer together): `$1` user, `$2` key, `$3` attempt, `$4` status, `$5` body; yields
 * one row `{ marked }`, 1 when this attempt still held the key. Published by libs/workflow, which owns
 * the table (issue 17 item 4).
 */
export const COMPLETE_IN_PROGRESS_KEY_SQL = `WITH m AS (UPDATE idempotency_keys SET status = 'completed', response_status = $4, response_body = $5
                WHERE user_id = $1 AND key = $2 AND attempt = $3 AND status = 'in_progress' RETURNING 1)
    SELECT count(*)::int AS marked FROM m`;

/** The `idempotency_keys` table: reserve, find, answer, release, purge. */
@Injectable()
export class IdempotencyKeysRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Reserves the key for `attempt`: a new key, an expired one, or a stale reservation of the same
   * request (its work never committed) is taken; otherwise the row as it stands is returned.
   */
  async reserve(input: {
    userId: string;
    key: string;
    route: string;
    requestHash: string;
    attempt: string;
  }): Promise<Reservation> {
    const taken = await this.db.query(
      `INSERT INTO idempotency_keys AS k (user_id, key, route, request_hash, status, attempt)
       VALUES ($1, $2, $3, $4, 'in_progress', $5)
       ON CONFLICT (user_id, key) DO UPDATE
          SET route = EXCLUDED.route, request_hash = EXCLUDED.request_hash, status = 'in_progress', attempt = EXCLUDED.attempt,
              started_at = now(), created_at = now(), response_status = NULL, response_body = NULL
        WHERE k.created_at < now() - interval '${IDEMPOTENCY_KEY_TTL}'
           OR (k.status = 'in_progress' AND k.request_hash = EXCLUDED.request_hash AND k.started_at < now() - interval '${IDEMPOTENCY_RESERVATION_LEASE}')
       RETURNING attempt`,
      [input.userId, input.key, input.route, input.requestHash, input.attempt],
    );
    if (taken.length === 1) return { reserved: true };
    const [row] = await this.db.query(
      `SELECT request_hash, status, response_status, response_body, started_at < now() - interval '${IDEMPOTENCY_RESERVATION_LEASE}' AS stale
         FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
      [input.userId, input.key],
    );
    return { reserved: false, row };
  }

  /** The key's row as it stands, unless it is past its TTL (then the key is free). */
  async find(userId: string, key: string): Promise<IdempotencyKeyRow | undefined> {
    const [row] = await this.db.query(
      `SELECT request_hash, status, response_status, response_body, started_at < now() - interval '${IDEMPOTENCY_RESERVATION_LEASE}' AS stale
         FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND created_at >= now() - interval '${IDEMPOTENCY_KEY_TTL}'`,
      [userId, key],
    );
    return row;
  }

  /** Stores the answer of the attempt that did the work. */
  async complete(userId: string, key: string, attempt: string, status: number, body: string | null): Promise<void> {
    await this.db.query(
      `UPDATE idempotency_keys SET status = 'completed', response_status = $4, response_body = $5
        WHERE user_id = $1 AND key = $2 AND attempt = $3`,
      [userId, key, attempt, status, body],
    );
  }

  /** Frees the key after a failed attempt that committed nothing, so the client may retry it. */
  async release(userId: string, key: string, attempt: string): Promise<void> {
    await this.db.query(
      `DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND attempt = $3 AND status = 'in_progress'`,
      [userId, key, attempt],
    );
  }

  /** Deletes keys older than the TTL; returns how many. */
  async purgeExpired(): Promise<number> {
    const [, count] = await this.db.query(
      `DELETE FROM idempotency_keys WHERE created_at < now() - interval '${IDEMPOTENCY_KEY_TTL}'`,
    );
    return Number(count ?? 0);
  }
}
