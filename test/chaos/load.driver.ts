/** What became of one task completion sent over HTTP, possibly several times. */
export interface CompletionRecord {
  taskId: string;
  username: string;
  attempts: number;
  /** Attempts whose outcome we cannot know: connection cut, timeout, 5xx while a dependency restarted. */
  unknown: number;
  /** Of those, the answers 5xx (bounded: {@link LoadOptions.maxServerErrors}). */
  serverErrors: number;
  /**
   * `accepted`: a 200. `earlier`: 409 TASK_NOT_OPEN after an unknown attempt (that attempt
   * committed). `refused`: 409 with no unknown attempt before it (someone else completed it: a
   * defect here). `error`: any other answer, or the driver gave up (it then throws).
   */
  outcome: 'accepted' | 'earlier' | 'refused' | 'error';
  status?: number;
  code?: string;
}

export interface LoadOptions {
  retryDelayMs: number;
  /** Attempts without any answer (refused, cut, timed out) before giving up: a dependency restarting takes seconds, not a minute. */
  maxAttempts: number;
  /**
   * Answers 5xx to one completion before giving up. A server answers 5xx while Postgres is down
   * (seconds, so a few dozen at most); one that keeps answering 5xx has a defect the run must
   * report, not retry forever.
   */
  maxServerErrors: number;
}

const DEFAULTS: LoadOptions = { retryDelayMs: 250, maxAttempts: 240, maxServerErrors: 30 };

/** A completion the driver gave up on: the run fails with it. */
export class LoadGaveUp extends Error {
  constructor(
    readonly record: CompletionRecord,
    why: string,
  ) {
    super(
      `load driver gave up on task ${record.taskId} (${record.username}) after ${record.attempts} attempts, ${record.serverErrors} answered 5xx: ${why}`,
    );
  }
}

/**
 * Completes tasks over HTTP against several servers, round robin. A connection error, a timeout
 * or a 5xx is an unknown outcome: the request is sent again (to the next server) until an
 * answer says what happened, within bounds: past them the completion fails with
 * {@link LoadGaveUp}. Every request and its outcome is remembered for the checker.
 */
export class LoadDriver {
  readonly records: CompletionRecord[] = [];
  private next = 0;
  private readonly options: LoadOptions;

  constructor(
    private readonly servers: string[],
    private readonly tokens: Record<string, string>,
    options: Partial<LoadOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  async complete(taskId: string, username: string): Promise<CompletionRecord> {
    const record: CompletionRecord = { taskId, username, attempts: 0, unknown: 0, serverErrors: 0, outcome: 'error' };
    this.records.push(record);
    for (;;) {
      record.attempts++;
      const url = this.servers[this.next++ % this.servers.length];
      const answer = await this.post(`${url}/api/tasks/${taskId}/complete`, this.tokens[username]);
      if (!answer || answer.status >= 500) {
        record.unknown++;
        if (answer) {
          record.serverErrors++;
          record.status = answer.status;
          record.code = answer.code;
          if (record.serverErrors >= this.options.maxServerErrors)
            throw new LoadGaveUp(record, `the last answer was ${answer.status} ${answer.code ?? ''}`.trim());
        }
        if (record.attempts - record.serverErrors >= this.options.maxAttempts)
          throw new LoadGaveUp(record, 'no answer');
        await new Promise((r) => setTimeout(r, this.options.retryDelayMs));
        continue;
      }
      record.status = answer.status;
      record.code = answer.code;
      if (answer.status === 200) record.outcome = 'accepted';
      else if (answer.status === 409 && answer.code === 'TASK_NOT_OPEN')
        record.outcome = record.unknown > 0 ? 'earlier' : 'refused';
      else record.outcome = 'error';
      return record;
    }
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

  /** Outcomes, attempts with no known outcome, answers 5xx, and the most 5xx any one completion got. */
  counts(): Record<
    CompletionRecord['outcome'] | 'unknownAttempts' | 'serverErrors' | 'mostServerErrorsForOne',
    number
  > {
    const counts = {
      accepted: 0,
      earlier: 0,
      refused: 0,
      error: 0,
      unknownAttempts: 0,
      serverErrors: 0,
      mostServerErrorsForOne: 0,
    };
    for (const r of this.records) {
      counts[r.outcome]++;
      counts.unknownAttempts += r.unknown;
      counts.serverErrors += r.serverErrors;
      counts.mostServerErrorsForOne = Math.max(counts.mostServerErrorsForOne, r.serverErrors);
    }
    return counts;
  }
}

/** Runs `work` over `items` with `concurrency` in flight. */
export async function inParallel<T>(
  items: T[],
  concurrency: number,
  work: (item: T) => Promise<unknown>,
): Promise<void> {
  let i = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (i < items.length) await work(items[i++]);
    }),
  );
}
