import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { databaseOptions } from './database.config';

/** Creates the database named in DATABASE_URL when it does not exist (local and CI machines). */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

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

/** Runs pending migrations; returns their names. */
export async function runMigrations(env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  const options = databaseOptions(env);
  await ensureDatabase((options as { url: string }).url);
  const dataSource = new DataSource(options);
  await dataSource.initialize();
  try {
    const done = await dataSource.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  runMigrations()
    .then((names) => console.log(names.length ? `Applied migrations: ${names.join(', ')}` : 'Database is up to date'))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
