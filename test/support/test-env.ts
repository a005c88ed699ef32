import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The test database and Redis; CI creates them fresh (.ci/run) and so does the global setup. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/motcua_test';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/1';

export function useTestEnvironment(): void {
  process.env.DATABASE_URL = TEST_DATABASE_URL;
  process.env.REDIS_URL = TEST_REDIS_URL;
  process.env.DEMO_PASSWORD ??= 'motcua-demo';
  process.env.JWT_SECRET ??= 'test-secret-not-for-production';
  process.env.SMS_INBOUND_SECRET ??= 'test-sms-secret';
  process.env.CITIZEN_AUTH_SECRET ??= 'test-citizen-secret';
  // Suites compare the public aggregate before and after their own dossiers; one suite turns the cache on.
  process.env.STATS_CACHE_SECONDS ??= '0';
  // Uploaded files of test servers go to the system's temporary folder, not the checkout's ./data/files.
  process.env.FILES_DIR ??= join(tmpdir(), 'motcua-test-files');
  // scrypt at N=2^14 rather than production's 2^17: every suite signs in many times. The cost
  // itself is proven by the unit specs (password-hasher.service.spec.ts).
  process.env.PASSWORD_HASH_COST ??= '14';
}
