import type { Sql } from './sql';

/**
 * Folds a command's writes into ONE SQL statement of data-modifying CTEs, so a command costs a
 * single round trip for all its inserts and updates, atomically. All parts see the same
 * snapshot, so no part may depend on another's effect (foreign keys are checked at the end);
 * a part may read another's RETURNING rows by its name.
 */
export class WriteStatement {
  private readonly parts: { name: string; sql: string }[] = [];
  private readonly params: unknown[] = [];
  private readonly placeholders = new Map<string, string>();

  /** Adds a parameter and returns its placeholder, e.g. `$3` or `$3::uuid[]`. */
  param(value: unknown, cast = ''): string {
    this.params.push(value);
    return `$${this.params.length}${cast}`;
  }

  /**
   * A parameter used by several parts, added on first use only: Postgres refuses a parameter
   * that no part references ("could not determine data type").
   */
  shared(name: string, value: unknown, cast = ''): string {
    let placeholder = this.placeholders.get(name);
    if (!placeholder) {
      placeholder = this.param(value, cast);
      this.placeholders.set(name, placeholder);
    }
    return placeholder;
  }

  /** Adds a jsonb parameter (serialised here: node-pg would turn arrays into SQL arrays). */
  json(value: unknown): string {
    return this.param(JSON.stringify(value), '::jsonb');
  }

  /** Adds a CTE; returns its name (given, or `w<n>`). */
  add(sql: string, name = `w${this.parts.length}`): string {
    this.parts.push({ name, sql });
    return name;
  }

  get isEmpty(): boolean {
    return this.parts.length === 0;
  }

  toSql(main: string): string {
    if (this.parts.length === 0) return main;
    return `WITH ${this.parts.map((part) => `${part.name} AS (${part.sql})`).join(',\n')}\n${main}`;
  }

  /** Runs the statement with `main` as its primary query; returns main's rows. */
  run<T = Record<string, unknown>>(sql: Sql, main: string): Promise<T[]> {
    return sql.rows<T>(this.toSql(main), this.params);
  }
}
