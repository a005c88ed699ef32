/** What became of one task completion sent over HTTP, possibly several times. */
export interface CompletionRecord {
  taskId: string;
  username: string;
  attempts: number;
  /** Attempts whose outcome we cannot know: connection cut, timeout, 5xx while a dependency restarted. */
  unknown: number;
  /**
   * `accepted`: a 200. `earlier`: 409 TASK_NOT_OPEN after an unknown attempt (that attempt
   * committed). `refused`: 409 with no unknown attempt before it (someone else completed it: a
   * defect here). `error`: any other answer, or no answer after every retry.
   */
  outcome: 'accepted' | 'earlier' | 'refused' | 'error';
  status?: number;
  code?: string;
}

const RETRY_DELAY_MS = 250;
const MAX_ATTEMPTS = 240;

/**
 * Completes tasks over HTTP against several servers, round robin. A connection error, a timeout
 * or a 5xx is an unknown outcome: the request is sent again (to the next server) until an
 * answer says what happened. Every request and its outcome is remembered for the checker.
 */
export class LoadDriver {
  readonly records: CompletionRecord[] = [];
  private next = 0;

  constructor(
    private readonly servers: string[],
    private readonly tokens: Record<string, string>,
  ) {}

  async complete(taskId: string, username: string): Promise<CompletionRecord> {
    const record: CompletionRecord = { taskId, username, attempts: 0, unknown: 0, outcome: 'error' };
    this.records.push(record);
    while (record.attempts < MAX_ATTEMPTS) {
      record.attempts++;
      const url = this.servers[this.next++ % this.servers.length];
      const answer = await this.post(`${url}/api/tasks/${taskId}/complete`, this.tokens[username]);
      if (!answer || answer.status >= 500) {
        record.unknown++;
        await new Promise((r) => setTimeout(r, RETRY_DELAY_MS));
        continue;
      }
      record.status = answer.status;
      record.code = answer.code;
      if (answer.status === 200) record.outcome = 'accepted';
      else if (answer.status === 409 && answer.code === 'TASK_NOT_OPEN') record.outcome = record.unknown > 0 ? 'earlier' : 'refused';
      else record.outcome = 'error';
      return record;
    }
    return record;
  }

  private async post(url: string, token: string): Promise<{ status: number; code?: string } | undefined> {
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ variables: {} }),
        signal: AbortSignal.timeout(15_000),
      });
      const body = (await res.json().catch(() => ({}))) as { code?: string };
      return { status: res.status, code: body.code };
    } catch {
      return undefined;
    }
  }

  counts(): Record<CompletionRecord['outcome'] | 'unknownAttempts', number> {
    const counts = { accepted: 0, earlier: 0, refused: 0, error: 0, unknownAttempts: 0 };
    for (const r of this.records) {
      counts[r.outcome]++;
      counts.unknownAttempts += r.unknown;
    }
    return counts;
  }
}

/** Runs `work` over `items` with `concurrency` in flight. */
export async function inParallel<T>(items: T[], concurrency: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let i = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (i < items.length) await work(items[i++]);
  }));
}
