import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** Where a statement runs: a caller's open transaction, or autocommit (each statement its own transaction). */
export interface Sql {
  /** True inside an explicit transaction: reads lock the instance row (`FOR UPDATE`). */
  readonly inTransaction: boolean;
  rows<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** The slice of node-pg's Pool the hot path uses. */
interface PgPool {
  query(config: { text: string; values: unknown[]; name?: string }): Promise<{ rows: unknown[] }>;
}

/**
 * Names of prepared statements, by statement text. A command's statement has one text per
 * shape (which CTE parts it has), so there are few; past `MAX_NAMED` texts (e.g. SQL with
 * inlined values somewhere) statements simply go unnamed, so no connection caches without bound.
 */
export class StatementNames {
  static readonly MAX_NAMED = 500;
  private readonly names = new Map<string, string>();

  nameOf(text: string): string | undefined {
    const known = this.names.get(text);
    if (known || this.names.size >= StatementNames.MAX_NAMED) return known;
    const name = `wf_${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;
    this.names.set(text, name);
    return name;
  }
}

/**
 * Autocommit statements straight on node-pg's pool (the one TypeORM opened), as named prepared
 * statements: Postgres parses each command shape once per connection instead of once per call,
 * and the hot path skips the ORM's query runner. No BEGIN/COMMIT round trips: one statement is
 * one transaction.
 */
export class AutoCommitSql implements Sql {
  readonly inTransaction = false;
  private readonly names = new StatementNames();

  constructor(private readonly dataSource: DataSource) {}

  private get pool(): PgPool {
    return (this.dataSource.driver as unknown as { master: PgPool }).master;
  }

  async rows<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const result = await this.pool.query({ text: sql, values: params, name: this.names.nameOf(sql) });
    return result.rows as T[];
  }
}
