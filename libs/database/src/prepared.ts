import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { setting } from '../../config/src';

/** The slice of node-pg's Pool that prepared statements use. */
interface PgPool {
  query(config: { text: string; values: unknown[]; name?: string }): Promise<{ rows: unknown[] }>;
}

/**
 * Names of prepared statements, by statement text. A hot statement has one text per shape, so
 * there are few; past `MAX_NAMED` texts (e.g. SQL with inlined values somewhere) statements
 * simply go unnamed, so no connection caches without bound.
 */
export class StatementNames {
  static readonly MAX_NAMED = 500;
  private readonly names = new Map<string, string>();

  nameOf(text: string): string | undefined {
    const known = this.names.get(text);
    if (known || this.names.size >= StatementNames.MAX_NAMED) return known;
    const name = `ps_${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;
    this.names.set(text, name);
    return name;
  }
}

/**
 * Autocommit statements straight on node-pg's pool (the one TypeORM opened), as named prepared
 * statements: Postgres parses and plans each text once per connection instead of once per call,
 * the text crosses the socket once, and the caller skips the ORM's query runner. For hot reads
 * and single-statement writes (ADR 0005); transactions keep TypeORM's query runner.
 *
 * `DB_NAMED_STATEMENTS=false` sends the same statements unnamed (parsed on each call): for a
 * pooler in transaction mode that cannot keep named statements per server connection, such as
 * PgBouncer before 1.21 or without `max_prepared_statements` (docs/operations.md, "PgBouncer").
 */
export class PreparedStatements {
  private readonly names = new StatementNames();
  private readonly named: boolean;

  constructor(
    private readonly dataSource: DataSource,
    env: NodeJS.ProcessEnv = process.env,
  ) {
    this.named = setting('DB_NAMED_STATEMENTS', env);
  }

  private get pool(): PgPool {
    return (this.dataSource.driver as unknown as { master: PgPool }).master;
  }

  async rows<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const result = await this.pool.query({
      text: sql,
      values: params,
      name: this.named ? this.names.nameOf(sql) : undefined,
    });
    return result.rows as T[];
  }
}
