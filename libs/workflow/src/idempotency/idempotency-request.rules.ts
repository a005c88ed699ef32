import { createHash } from 'node:crypto';
import { AppError } from '../../../common/src';

/** 1 to 255 visible ASCII characters (a UUID fits; spaces and control characters do not). */
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** The `Idempotency-Key` header's value, or undefined without one; 400 `IDEMPOTENCY_KEY_INVALID` when malformed. */
export function parseIdempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || !KEY_PATTERN.test(header)) {
    throw AppError.badRequest(
      'IDEMPOTENCY_KEY_INVALID',
      'Idempotency-Key must be 1 to 255 visible ASCII characters (e.g. a UUID), sent once',
    );
  }
  return header;
}

/**
 * What "the same request" means for a key: method, path with query, and the parsed body. The body
 * is hashed as parsed (JSON.parse keeps key order), so a byte-identical retry always matches.
 */
export function requestFingerprint(method: string, url: string, body: unknown): string {
  let serialized: string;
  try {
    serialized = JSON.stringify(body ?? null) ?? 'null';
  } catch (error) {
    // Only a body nested beyond the stack gets here (the body parser bounds depth first).
    throw AppError.badRequest('BODY_TOO_DEEP', 'The request body is nested too deeply', undefined);
  }
  return createHash('sha256').update(`${method.toUpperCase()} ${url}\n`).update(serialized).digest('hex');
}
