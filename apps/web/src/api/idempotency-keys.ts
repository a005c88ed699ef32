/**
 * One `Idempotency-Key` per user action (docs/security.md, "Idempotent retries"): the first send
 * of a POST makes a key; sending the same request again after it got no definitive answer (the
 * network failed, the server died, or the first try is still running) is a retry of the same
 * action and reuses the key, so the server does the work once. A definitive answer frees it:
 * the next click is a new action.
 */
const pending = new Map<string, string>();

/** The key of this POST (`path` + body text): the pending one of an unanswered identical request, or a new one. */
export function idempotencyKeyFor(path: string, bodyText: string): string {
  const action = `${path}\n${bodyText}`;
  let key = pending.get(action);
  if (!key) {
    key = crypto.randomUUID();
    pending.set(action, key);
  }
  return key;
}

/** Frees the key once the answer is definitive (any answer but a network failure, a 5xx or "still in progress"). */
export function settleIdempotencyKey(path: string, bodyText: string, status: number, code?: string): void {
  const retryable = status === 0 || status >= 500 || code === 'IDEMPOTENCY_KEY_IN_PROGRESS';
  if (!retryable) pending.delete(`${path}\n${bodyText}`);
}
