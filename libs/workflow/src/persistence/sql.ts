import type { DataSource } from 'typeorm';

/** Where a statement runs: a caller's open transaction, or autocommit (each statement its own transaction). */
export interface Sql {
  /** True inside an explicit transaction: reads lock the instance row (`FOR UPDATE`). */
  readonly inTransaction: boolean;
  rows<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** Autocommit statements on pooled connections: the hot path's default (no BEGIN/COMMIT round trips). */
export class AutoCommitSql implements Sql {
  readonly inTransaction = false;

  constructor(private readonly dataSource: DataSource) {}

  async rows<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const runner = this.dataSource.createQueryRunner();
    try {
      const result = await runner.query(sql, params, true);
      return (result.records ?? []) as T[];
    } finally {
      await runner.release();
    }
  }
}
