/** A statement runner bound to the caller's transaction (a TypeORM `EntityManager` is one). */
export interface TransactionQueries {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as TypeORM's EntityManager.query answers
  query(sql: string, parameters?: unknown[]): Promise<any>;
}

/** Why an account gives its claimed work back, and who made it so. */
export interface AccountLeft {
  username: string;
  actor: string | null;
  reason: 'account_moved' | 'account_deactivated';
  now: Date;
}

/**
 * What another lib gives back, in the account change's own transaction, when an account leaves its
 * unit or is deactivated; answers the ids of what it released. libs/workflow registers the release of
 * claimed tasks (its tables), so libs/identity, which owns accounts, names no table of workflow's.
 */
export type ClaimedWorkRelease = (tx: TransactionQueries, left: AccountLeft) => Promise<string[]>;

/** The releases registered by the owners of claimed work; libs/identity provides it under `CLAIMED_WORK`. */
export class ClaimedWorkReleases {
  private readonly releases: ClaimedWorkRelease[] = [];

  register(release: ClaimedWorkRelease): void {
    this.releases.push(release);
  }

  /** Runs every release in `tx`, one after the other (one transaction, one connection). */
  async release(tx: TransactionQueries, left: AccountLeft): Promise<string[]> {
    const ids: string[] = [];
    for (const release of this.releases) ids.push(...(await release(tx, left)));
    return ids;
  }
}
export const CLAIMED_WORK = Symbol('CLAIMED_WORK');
