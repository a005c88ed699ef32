import type { DataSource } from 'typeorm';
import { PreparedStatements } from '../../../database/src';

/** Where a statement runs: a caller's open transaction, or autocommit (each statement its own transaction). */
export interface Sql {
  /** True inside an explicit transaction: reads lock the instance row (`FOR UPDATE`). */
  readonly inTransaction: boolean;
  rows<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** Autocommit: each statement its own transaction, as a named prepared statement on the pool (ADR 0005). */
export class AutoCommitSql implements Sql {
  readonly inTransaction = false;
  private readonly prepared: PreparedStatements;

  constructor(dataSource: DataSource) {
    this.prepared = new PreparedStatements(dataSource);
  }

  rows<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.prepared.rows<T>(sql, params);
  }
}
