import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { failStart, loadConfig, SCHEMA, setting, StartupError } from '../../config/src';
import { databaseOptions } from './database.config';
import { databaseProblem, databaseTarget } from './startup-checks';

/**
 * Creates the database named in DATABASE_URL when it does not exist, but only when asked
 * (`DB_CREATE=true`) or for the default local development URL: a typo in a province's database
 * name must stop the start with a message, not migrate a new, empty database (issue 20).
 */
export async function ensureDatabase(url: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const creating = setting('DB_CREATE', env) || url === SCHEMA.DATABASE_URL.fallback;
  const admin = new URL(url);
  const name = decodeURIComponent(admin.pathname.slice(1));
  admin.pathname = '/postgres';
  const client = new Client({
    connectionString: admin.toString(),
    connectionTimeoutMillis: setting('DB_CONNECT_TIMEOUT_MS', env),
  });
  client.on('error', () => undefined);
  const problem = (error: unknown) =>
    new StartupError(databaseProblem(error, { ...env, DATABASE_URL: url }), { cause: error });
  try {
    await client.connect();
  } catch (error) {
    // No way in through the `postgres` database: the migrations' own connection will say what is wrong.
    await client.end().catch(() => undefined);
    if (creating) throw problem(error);
    return;
  }
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount !== 0) return;
    if (!creating) throw problem({ code: '3D000' });
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`).catch((error: { code?: string }) => {
      // Another process starting at the same moment created it first (duplicate_database, or the catalogue's unique index).
      if (error.code !== '42P04' && error.code !== '23505') throw error;
    });
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Key of the session-level advisory lock migrations run under: two servers (or `npm run migrate`
 * and a cluster) starting together take turns; the second finds nothing left to do.
 */
export const MIGRATION_LOCK_KEY = 7_411_020_001;

/** Drops and creates the database named in `url` (tests and benchmarks only: it destroys data). */
export async function recreateDatabase(url: string): Promise<void> {
  const admin = new URL(url);
  const name = decodeURIComponent(admin.pathname.slice(1));
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const quoted = `"${name.replace(/"/g, '""')}"`;
    await client.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoted}`);
  } finally {
    await client.end();
  }
}

/**
 * Runs pending migrations under the advisory lock {@link MIGRATION_LOCK_KEY}, held by a connection
 * of its own for the whole run; returns the names it applied (none when another process did).
 */
export async function runMigrations(env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  const options = databaseOptions(env);
  const url = (options as { url: string }).url;
  await ensureDatabase(url, env);
  const lock = new Client({ connectionString: url, connectionTimeoutMillis: setting('DB_CONNECT_TIMEOUT_MS', env) });
  lock.on('error', () => undefined);
  try {
    await lock.connect();
  } catch (error) {
    throw new StartupError(databaseProblem(error, env), { cause: error });
  }
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const dataSource = new DataSource(options);
    await dataSource.initialize();
    try {
      const done = await dataSource.runMigrations({ transaction: 'each' });
      return done.map((m) => m.name);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    // Ending the session releases the lock, also when a migration failed.
    await lock.end().catch(() => undefined);
  }
}

if (require.main === module) {
  Promise.resolve()
    .then(() => loadConfig(process.env, { productionRules: false }))
    .then(() => runMigrations())
    .then((names) =>
      console.log(
        names.length
          ? `Applied migrations to ${databaseTarget().database}: ${names.join(', ')}`
          : 'Database is up to date',
      ),
    )
    .catch((error) => failStart(error));
}
