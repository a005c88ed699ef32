import type { QueryRunner } from 'typeorm';
import type { Sql } from './sql';

/** A job a command scheduled; it goes on BullMQ only once the transaction has committed. */
export interface JobToEnqueue {
  id: string;
  dueAt: Date;
}

/**
 * One command's transaction: parameterised SQL on one connection, and the queue work to do
 * after commit. The hot path stays on raw SQL (no entity loading) to keep round trips few.
 */
export class CommandTx implements Sql {
  readonly inTransaction = true;
  readonly toEnqueue: JobToEnqueue[] = [];
  readonly toDequeue: string[] = [];
  private readonly afterCommitCallbacks: (() => void | Promise<void>)[] = [];

  constructor(private readonly runner: QueryRunner) {}

  async rows<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const result = await this.runner.query(sql, params, true);
    return (result.records ?? []) as T[];
  }

  async one<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T | undefined> {
    return (await this.rows<T>(sql, params))[0];
  }

  /** Work that must only happen if the transaction commits (notifications, cache updates). */
  afterCommit(callback: () => void | Promise<void>): void {
    this.afterCommitCallbacks.push(callback);
  }

  get afterCommitWork(): readonly (() => void | Promise<void>)[] {
    return this.afterCommitCallbacks;
  }
}
