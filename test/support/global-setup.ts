import { recreateDatabase, runMigrations } from '../../libs/database/src/migrate';
import { TEST_DATABASE_URL, useTestEnvironment } from './test-env';

/** Recreates the test database from the real migrations once per jest run. */
export default async function globalSetup(): Promise<void> {
  useTestEnvironment();
  await recreateDatabase(TEST_DATABASE_URL);
  await runMigrations();
}
