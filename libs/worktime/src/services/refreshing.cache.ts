/**
 * A value loaded from the database, kept for `ttlMs` and readable synchronously in between
 * (engine commands cannot await). Loads are numbered by when they start: a load that began
 * before a change never replaces one that began after it, so `reload()` after a write is
 * never undone by an older load finishing late.
 */
export class RefreshingCache<T> {
  private value: T | undefined;
  private loadedAtMs = Number.NEGATIVE_INFINITY;
  private installedTicket = 0;
  private issuedTickets = 0;
  private inFlight: Promise<T> | undefined;

  constructor(
    private readonly load: () => Promise<T>,
    private readonly nowMs: () => number,
    private readonly ttlMs: number,
  ) {}

  /** The last loaded value, however old; undefined before the first load succeeds. */
  peek(): T | undefined {
    return this.value;
  }

  /** True when a value is loaded and younger than the TTL. */
  isFresh(): boolean {
    return this.value !== undefined && this.nowMs() - this.loadedAtMs < this.ttlMs;
  }

  /** A fresh value: the cached one, or the result of a load (joining one already running). */
  get(): Promise<T> {
    if (this.isFresh()) return Promise.resolve(this.value as T);
    return this.inFlight ?? this.reload();
  }

  /** Starts a new load now (after a change): callers see the change once it resolves. */
  reload(): Promise<T> {
    const ticket = ++this.issuedTickets;
    const startedAtMs = this.nowMs();
    const loading = this.load().then(
      (value) => this.install(ticket, startedAtMs, value),
      (error: unknown) => {
        if (this.inFlight === loading) this.inFlight = undefined;
        throw error;
      },
    );
    this.inFlight = loading;
    return loading;
  }

  /** Drops the value's freshness so the next `get()` loads again. */
  expire(): void {
    this.loadedAtMs = Number.NEGATIVE_INFINITY;
  }

  private install(ticket: number, startedAtMs: number, value: T): T {
    if (ticket === this.issuedTickets) this.inFlight = undefined;
    if (ticket < this.installedTicket) return this.value as T;
    this.installedTicket = ticket;
    this.value = value;
    this.loadedAtMs = startedAtMs;
    return value;
  }
}
