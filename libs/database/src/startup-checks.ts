import { Redis } from 'ioredis';
import { Client } from 'pg';
import { setting, StartupError } from '../../config/src';
import { redisOptions, redisWhere } from './redis.config';

/** Host, port, user and database of `DATABASE_URL`, for messages (never the password). */
export function databaseTarget(env: NodeJS.ProcessEnv = process.env): {
  where: string;
  database: string;
  user: string;
} {
  const url = new URL(setting('DATABASE_URL', env)!);
  return {
    where: `${url.hostname}:${url.port || 5432}`,
    database: decodeURIComponent(url.pathname.slice(1)) || decodeURIComponent(url.username) || 'postgres',
    user: decodeURIComponent(url.username) || 'postgres',
  };
}

/** One line for why Postgres could not be reached, from node-pg's error (its code, never its text with the URL). */
export function databaseProblem(error: unknown, env: NodeJS.ProcessEnv = process.env): string {
  const { where, database, user } = databaseTarget(env);
  const e = error as { code?: string; message?: string };
  switch (e.code) {
    case 'ECONNREFUSED':
      return `Postgres at ${where} refused the connection (DATABASE_URL): is it running, and are the host and port right?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the host of DATABASE_URL (${where}) cannot be resolved: check its name`;
    case '3D000':
      return `database "${database}" does not exist on Postgres at ${where} (DATABASE_URL): check its name, or create it (npm run migrate creates it with DB_CREATE=true)`;
    case '28P01':
    case '28000':
      return `Postgres at ${where} refused user "${user}": wrong password, or no access to database "${database}" (DATABASE_URL)`;
    case 'ETIMEDOUT':
      return `Postgres at ${where} did not answer within ${setting('DB_CONNECT_TIMEOUT_MS', env)} ms (DATABASE_URL, DB_CONNECT_TIMEOUT_MS)`;
  }
  if (/timeout/i.test(e.message ?? ''))
    return `Postgres at ${where} did not answer within ${setting('DB_CONNECT_TIMEOUT_MS', env)} ms (DATABASE_URL, DB_CONNECT_TIMEOUT_MS)`;
  return `Postgres at ${where} could not be used (DATABASE_URL): ${e.code ? `${e.code} ` : ''}${e.message ?? String(error)}`;
}

/** Connects once to `DATABASE_URL` (bounded by DB_CONNECT_TIMEOUT_MS); a failure is a one-line {@link StartupError}. */
export async function checkDatabase(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const client = new Client({
    connectionString: setting('DATABASE_URL', env),
    connectionTimeoutMillis: setting('DB_CONNECT_TIMEOUT_MS', env),
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new StartupError(databaseProblem(error, env), { cause: error });
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Why a Redis connection failed, in a few words (never the URL). */
function redisReason(error: Error | undefined): string {
  const e = error as (Error & { code?: string }) | undefined;
  if (!e) return 'no answer';
  if (e.code === 'ECONNREFUSED') return 'connection refused';
  if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN') return 'the host name cannot be resolved';
  if (/WRONGPASS|NOAUTH|invalid password|invalid username/i.test(e.message))
    return 'wrong user name or password (REDIS_URL)';
  if (/All sentinels are unreachable/i.test(e.message)) return 'no sentinel answers';
  if (/timed? ?out/i.test(e.message)) return 'timed out';
  return e.message.split('\n')[0];
}

/**
 * Waits until Redis answers PING, at most REDIS_CONNECT_TIMEOUT_MS, trying again every half
 * second; then gives up with one line saying where and why. A wrong password stops at once.
 */
export async function waitForRedis(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const timeoutMs = setting('REDIS_CONNECT_TIMEOUT_MS', env);
  const deadline = Date.now() + timeoutMs;
  let last: Error | undefined;
  while (Date.now() < deadline) {
    const left = Math.max(100, deadline - Date.now());
    const redis = new Redis({
      ...redisOptions(env),
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: () => null,
      sentinelRetryStrategy: () => null,
      connectTimeout: Math.min(left, 5000),
    });
    let attempt: Error | undefined;
    redis.on('error', (error: Error) => (attempt ??= error));
    try {
      await redis.connect();
      await redis.ping();
      return;
    } catch (error) {
      // The socket's own error (ECONNREFUSED…) says more than the rejection ("Connection is closed.").
      last = attempt ?? (error as Error);
      if (/WRONGPASS|NOAUTH/i.test(last.message)) break;
    } finally {
      redis.disconnect();
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(500, Math.max(0, deadline - Date.now()))));
  }
  if (last && /WRONGPASS|NOAUTH/i.test(last.message))
    throw new StartupError(`${redisWhere(env)} refused the user name or password of REDIS_URL`);
  throw new StartupError(
    `${redisWhere(env)} did not answer within ${timeoutMs} ms (REDIS_CONNECT_TIMEOUT_MS): ${redisReason(last)}`,
  );
}
