import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

const MAX_QUERY = 400;

function shortQuery(query: string): string {
  const flat = query.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_QUERY ? `${flat.slice(0, MAX_QUERY)}…` : flat;
}

/**
 * TypeORM's log lines through Nest's logger (so JSON, with request ids) and never with the
 * query parameters: those carry applicants' names, ID numbers and phones (issue 9). TypeORM's
 * own logger printed failed queries with their parameters to stdout.
 */
export class QueryLogger implements TypeOrmLogger {
  private readonly logger = new NestLogger('Database');

  constructor(private readonly logQueries = false) {}

  logQuery(query: string): void {
    if (this.logQueries) this.logger.debug(shortQuery(query));
  }

  logQueryError(error: string | Error, query: string): void {
    this.logger.error(`query failed: ${error instanceof Error ? error.message : error} -- ${shortQuery(query)}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`slow query (${time} ms): ${shortQuery(query)}`);
  }

  logSchemaBuild(message: string): void {
    if (this.logQueries) this.logger.debug(message);
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else if (this.logQueries) this.logger.log(String(message));
  }
}
