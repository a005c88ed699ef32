import type { DataSourceOptions } from 'typeorm';
import { migrations } from '../../../migrations';
import { setting } from '../../config/src';
import { QueryLogger } from './query.logger';

/** Postgres connection options from the environment (DESIGN §7). The schema comes from migrations only. */
export function databaseOptions(env: NodeJS.ProcessEnv = process.env): DataSourceOptions {
  return {
    type: 'postgres',
    url: setting('DATABASE_URL', env),
    migrations,
    migrationsRun: false,
    synchronize: false,
    logging: setting('DB_LOGGING', env) ? ['query', 'error', 'warn'] : ['error', 'warn'],
    logger: new QueryLogger(setting('DB_LOGGING', env)),
    // A right-sized pool: each engine command holds one connection for one short transaction.
    extra: { max: setting('DB_POOL_SIZE', env), connectionTimeoutMillis: setting('DB_CONNECT_TIMEOUT_MS', env) },
  };
}
