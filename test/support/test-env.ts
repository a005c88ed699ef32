import { randomUUID } from 'node:crypto';

/** The test database and Redis; CI creates them fresh (.ci/run) and so does the global setup. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/motcua_test';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/1';

export function useTestEnvironment(): void {
  process.env.DATABASE_URL = TEST_DATABASE_URL;
  process.env.REDIS_URL = TEST_REDIS_URL;
  process.env.DEMO_PASSWORD ??= 'motcua-demo';
  process.env.JWT_SECRET ??= 'test-secret-not-for-production';
  process.env.SMS_INBOUND_SECRET ??= 'test-sms-secret';
  // Suites compare the public aggregate before and after their own dossiers; one suite turns the cache on.
  process.env.STATS_CACHE_SECONDS ??= '0';
  // Every request of a suite comes from 127.0.0.1: each suite (jest gives each its own env) counts
  // its own rate limits and failed logins, so one suite's wrong passwords cannot throttle another's.
  process.env.THROTTLE_PREFIX ??= `test-${randomUUID().slice(0, 8)}`;
}
