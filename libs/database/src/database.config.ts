import type { DataSourceOptions } from 'typeorm';
import { migrations } from '../../../migrations';
import { QueryLogger } from './query.logger';

/** Postgres connection options from the environment (DESIGN §7). The schema comes from migrations only. */
export function databaseOptions(env: NodeJS.ProcessEnv = process.env): DataSourceOptions {
  return {
    type: 'postgres',
    url: env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/motcua',
    migrations,
    migrationsRun: false,
    synchronize: false,
    logging: env.DB_LOGGING === 'true' ? ['query', 'error', 'warn'] : ['error', 'warn'],
    logger: new QueryLogger(env.DB_LOGGING === 'true'),
    // A right-sized pool: each engine command holds one connection for one short transaction.
    extra: { max: Number(env.DB_POOL_SIZE ?? 20) },
  };
}

/** Redis connection for BullMQ and the shared rate limits. */
export function redisOptions(env: NodeJS.ProcessEnv = process.env) {
  const url = new URL(env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    password: url.password || undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    maxRetriesPerRequest: null,
  };
}
