import { Logger } from '@nestjs/common';
import { Redis, type RedisOptions } from 'ioredis';
import { setting } from '../../config/src';

/**
 * Redis connection options for BullMQ, the rate-limit counters and the health check, all alike
 * (issue 20). `REDIS_URL` is read by ioredis's own parser, so `rediss://` (TLS), the user name,
 * the password and the `/db` number all count. With `REDIS_SENTINELS`, ioredis asks the sentinels
 * for the master named `REDIS_SENTINEL_NAME` and follows a failover; the URL then gives only the
 * credentials, the db and TLS.
 */
export function redisOptions(env: NodeJS.ProcessEnv = process.env): RedisOptions {
  const url = setting('REDIS_URL', env)!;
  // ioredis parses a URL given to its constructor; lazyConnect: nothing is opened here.
  const { host, port, username, password, db, tls } = new Redis(url, { lazyConnect: true }).options;
  const shared: RedisOptions = {
    username: username || undefined,
    password: password || undefined,
    db,
    maxRetriesPerRequest: null,
  };
  const sentinels = setting('REDIS_SENTINELS', env);
  if (!sentinels.length) return { ...shared, host, port, ...(tls ? { tls } : {}) };
  return {
    ...shared,
    sentinels,
    name: setting('REDIS_SENTINEL_NAME', env),
    sentinelPassword: setting('REDIS_SENTINEL_PASSWORD', env),
    ...(tls ? { tls, enableTLSForSentinelMode: true } : {}),
  };
}

/** Where Redis is, for messages: `host:port`, or the sentinels and the master's name. Never credentials. */
export function redisWhere(env: NodeJS.ProcessEnv = process.env): string {
  const options = redisOptions(env);
  if (options.sentinels)
    return `the master "${options.name}" of Redis Sentinel ${options.sentinels.map((s) => `${s.host}:${s.port}`).join(', ')} (REDIS_SENTINELS)`;
  return `Redis at ${options.host}:${options.port}${options.tls ? ' (TLS)' : ''} (REDIS_URL)`;
}

type ErrorEmitter = { on(event: 'error', listener: (error: Error) => void): unknown };
const lastReported = new Map<string, number>();

/**
 * Reports a Redis client's errors (an ioredis connection, a BullMQ queue or worker) as JSON
 * warnings through the app's logger, each distinct message at most once every 10 s. Without a
 * listener ioredis and BullMQ print raw multi-line errors to the console on every retry (issue 20:
 * non-JSON lines twice a second while Redis is away). What failed is retried by the client.
 */
export function reportRedisErrors<T extends ErrorEmitter>(emitter: T, what: string): T {
  const logger = new Logger('Redis');
  emitter.on('error', (error: Error) => {
    const message = `${what}: ${error.message.split('\n')[0]}`;
    const now = Date.now();
    if ((lastReported.get(message) ?? 0) > now - 10_000) return;
    if (lastReported.size > 100) lastReported.clear();
    lastReported.set(message, now);
    logger.warn(`${message} (retrying)`);
  });
  return emitter;
}
