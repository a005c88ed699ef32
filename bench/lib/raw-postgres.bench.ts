import { Client, Pool } from 'pg';

/**
 * The floor for any durable engine: committed single-row updates per second, as pgbench's
 * `simple-update` (-N) does — BEGIN; UPDATE accounts; SELECT; INSERT history; COMMIT.
 */
export async function rawCommitRate(databaseUrl: string, options: { concurrency: number; seconds: number }) {
  const setup = new Client({ connectionString: databaseUrl });
  await setup.connect();
  await setup.query(`CREATE TABLE IF NOT EXISTS bench_accounts (id int PRIMARY KEY, balance int NOT NULL DEFAULT 0)`);
  await setup.query(
    `CREATE TABLE IF NOT EXISTS bench_history (id bigserial PRIMARY KEY, account int, delta int, at timestamptz DEFAULT now())`,
  );
  await setup.query(`INSERT INTO bench_accounts SELECT g, 0 FROM generate_series(1, 100000) g ON CONFLICT DO NOTHING`);
  await setup.end();

  const pool = new Pool({ connectionString: databaseUrl, max: options.concurrency });
  const deadline = Date.now() + options.seconds * 1000;
  let commits = 0;
  const loop = async () => {
    const client = await pool.connect();
    try {
      while (Date.now() < deadline) {
        const account = 1 + Math.floor(Math.random() * 100000);
        const delta = Math.floor(Math.random() * 10000) - 5000;
        await client.query('BEGIN');
        await client.query('UPDATE bench_accounts SET balance = balance + $1 WHERE id = $2', [delta, account]);
        await client.query('SELECT balance FROM bench_accounts WHERE id = $1', [account]);
        await client.query('INSERT INTO bench_history (account, delta) VALUES ($1, $2)', [account, delta]);
        await client.query('COMMIT');
        commits++;
      }
    } finally {
      client.release();
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: options.concurrency }, loop));
  const elapsed = (Date.now() - started) / 1000;
  await pool.end();
  return { commits, seconds: elapsed, perSecond: commits / elapsed };
}
