import { Logger, type LoggerService } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { QueryLogger } from './query.logger';

/** As TypeORM calls it: with the parameters. */
const typeorm = (logQueries = false): TypeOrmLogger => new QueryLogger(logQueries);

describe('QueryLogger', () => {
  const lines: string[] = [];
  const capture: LoggerService = {
    log: (message: unknown) => void lines.push(`log ${String(message)}`),
    error: (message: unknown) => void lines.push(`error ${String(message)}`),
    warn: (message: unknown) => void lines.push(`warn ${String(message)}`),
    debug: (message: unknown) => void lines.push(`debug ${String(message)}`),
  };
  beforeEach(() => {
    lines.length = 0;
    Logger.overrideLogger(capture);
  });
  afterAll(() => Logger.overrideLogger(['error', 'warn', 'log']));

  const applicant = ['Nguyễn Thị Ánh', '066190001234', '0905123456'];

  it('logs a failed query with its error and SQL, never its parameters', () => {
    typeorm().logQueryError(new Error('deadlock detected'), 'INSERT INTO dossiers (applicant)\n   VALUES ($1)', [
      JSON.stringify(applicant),
    ]);
    expect(lines).toEqual(['error query failed: deadlock detected -- INSERT INTO dossiers (applicant) VALUES ($1)']);
  });

  it('logs slow queries without parameters, and queries only when asked (DB_LOGGING)', () => {
    typeorm().logQuerySlow(1500, 'SELECT 1 WHERE $1', applicant);
    typeorm().logQuery('SELECT 2', applicant);
    typeorm(true).logQuery('SELECT 3', applicant);
    expect(lines).toEqual(['warn slow query (1500 ms): SELECT 1 WHERE $1', 'debug SELECT 3']);
    expect(lines.join()).not.toMatch(/066190001234|0905123456|Ánh/);
  });
});
