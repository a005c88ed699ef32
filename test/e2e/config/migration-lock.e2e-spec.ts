import { Client } from 'pg';
import { migrations } from '../../../migrations';
import { runMigrations } from '../../../libs/database/src/migrate';
import { TEST_DATABASE_URL } from '../../support/test-env';

/**
 * Issue 20 item 2: migrations run under a Postgres advisory lock, so two servers starting together
 * do not both migrate: one applies every migration, the other waits and finds nothing to do.
 * Without the lock both ran the first migration at once and one failed (duplicate table or key).
 */
describe('migrations under an advisory lock (issue 20)', () => {
  const name = `motcua_lock_${process.pid}`;
  const url = (database: string) => {
    const u = new URL(TEST_DATABASE_URL);
    u.pathname = `/${database}`;
    return u.toString();
  };
  const admin = async <T>(work: (c: Client) => Promise<T>) => {
    const client = new Client({ connectionString: url('postgres') });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  afterAll(() => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)));

  it('two migration runs started together: one migrates, the other waits, each migration applied once', async () => {
    await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    const env = { ...process.env, DATABASE_URL: url(name), DB_CREATE: 'true' };
    const [a, b] = await Promise.all([runMigrations(env), runMigrations(env)]);
    expect([a.length, b.length].sort((x, y) => x - y)).toEqual([0, migrations.length]);
    const db = new Client({ connectionString: url(name) });
    await db.connect();
    try {
      const { rows } = await db.query('SELECT name, count(*)::int AS n FROM migrations GROUP BY name');
      expect(rows).toHaveLength(migrations.length);
      expect(rows.every((r) => r.n === 1)).toBe(true);
    } finally {
      await db.end();
    }
  });
});
