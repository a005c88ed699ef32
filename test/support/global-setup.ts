import { Client } from 'pg';
import { runMigrations } from '../../libs/database/src/migrate';
import { TEST_DATABASE_URL, useTestEnvironment } from './test-env';

/** Recreates the test database from the real migrations once per jest run. */
export default async function globalSetup(): Promise<void> {
  useTestEnvironment();
  const admin = new URL(TEST_DATABASE_URL);
  const name = admin.pathname.slice(1);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  await runMigrations();
}
