import { createServer, type AddressInfo } from 'node:net';
import { Client } from 'pg';
import { freePort } from '../../chaos/own-services';
import { TEST_DATABASE_URL } from '../../support/test-env';
import { assertBuilt, MIGRATE_MAIN, NPM_START, runBuilt, SERVER_MAIN, WORKER_MAIN, type Run } from './start.support';

/**
 * Issue 20, "Must show": the BUILT server started with each bad configuration stops with one line
 * naming what is wrong, a non-zero status, no stack trace, and without printing the password.
 * (Before issue 20: `SMS_OUTBOX_INTERVAL_MS=abc` started and ran 2,539 transactions per 10 s, a
 * bad DATABASE_URL printed 33 lines of stack, a `#` in the password printed it, a typo in the
 * database name created and migrated a new database, and an unreachable Redis hung.)
 * Run against the build of b1ba17f (before issue 20), all eleven cases fail: the bad numbers start
 * and serve, the bad URLs and the typo print 11 lines of JSON with stacks, unreachable Redis and
 * the worker hang past the test's bound, SIGTERM kills instead of ending the start.
 */
const testDb = new URL(TEST_DATABASE_URL);
/** The test database's URL with a password and another database name or port. */
function dbUrl(password: string, changes: { database?: string; port?: number; host?: string } = {}): string {
  const userinfo = `${testDb.username || 'postgres'}:${password}`;
  return `postgres://${userinfo}@${changes.host ?? testDb.hostname}:${changes.port ?? (testDb.port || 5432)}/${changes.database ?? testDb.pathname.slice(1)}`;
}

/** One line, status 1, no stack frame, none of `secrets` anywhere in the output. */
function expectOneLine(run: Run, line: string | RegExp, secrets: string[] = []): void {
  expect(run.lines).toHaveLength(1);
  if (typeof line === 'string') expect(run.lines[0]).toBe(line);
  else expect(run.lines[0]).toMatch(line);
  expect(run.code).toBe(1);
  expect(run.stdout + run.stderr).not.toMatch(/^\s+at /m);
  for (const secret of secrets) expect(run.stdout + run.stderr).not.toContain(secret);
}

describe('a start with a bad configuration stops with one clear line (issue 20)', () => {
  beforeAll(assertBuilt);

  it('bad number: SMS_OUTBOX_INTERVAL_MS=abc', async () => {
    const run = await runBuilt(SERVER_MAIN, {
      SMS_OUTBOX_INTERVAL_MS: 'abc',
      DATABASE_URL: dbUrl('Num-Pg-8812'),
      JWT_SECRET: 'Num-Jwt-Secret-8812',
    });
    expectOneLine(
      run,
      'Refusing to start: SMS_OUTBOX_INTERVAL_MS must be a whole number of milliseconds, at least 100 (got "abc")',
      ['Num-Pg-8812', 'Num-Jwt-Secret-8812'],
    );
  });

  it('bad number through `npm start` (the migration runner refuses first, no stack from the launcher)', async () => {
    const run = await runBuilt(NPM_START, { SMS_OUTBOX_INTERVAL_MS: 'abc' });
    expectOneLine(
      run,
      'Refusing to start: SMS_OUTBOX_INTERVAL_MS must be a whole number of milliseconds, at least 100 (got "abc")',
    );
  });

  it('bad number: LOOKUP_RATE_LIMIT=abc (it made every public lookup answer 500)', async () => {
    const run = await runBuilt(SERVER_MAIN, { LOOKUP_RATE_LIMIT: 'abc' });
    expectOneLine(run, 'Refusing to start: LOOKUP_RATE_LIMIT must be a whole number, at least 1 (got "abc")');
  });

  it('bad URL: DATABASE_URL that is not a URL', async () => {
    const run = await runBuilt(SERVER_MAIN, { DATABASE_URL: 'motcua:Pw-NotAUrl-7731@db/motcua' });
    expectOneLine(
      run,
      /^Refusing to start: DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL such as postgres:\/\/motcua:secret@db\.local:5432\/motcua/,
      ['Pw-NotAUrl-7731'],
    );
  });

  it('password with an unescaped # in DATABASE_URL: refused, the password never printed', async () => {
    const run = await runBuilt(SERVER_MAIN, { DATABASE_URL: dbUrl('Hx#Qv82-zeta') });
    expectOneLine(run, /^Refusing to start: DATABASE_URL .*# is %23/, ['Hx#Qv82-zeta', 'Qv82-zeta', 'Hx']);
    // and percent-encoded, the same password is accepted by the check (the test server trusts local connections)
    const encoded = await runBuilt(MIGRATE_MAIN, { DATABASE_URL: dbUrl('Hx%23Qv82-zeta') });
    expect(encoded.code).toBe(0);
    expect(encoded.stdout + encoded.stderr).not.toContain('Qv82');
  });

  it('unreachable database: one line within DB_CONNECT_TIMEOUT_MS, no password', async () => {
    const port = await freePort();
    const run = await runBuilt(SERVER_MAIN, { DATABASE_URL: dbUrl('Unreach-Pg-4411', { port }) });
    expectOneLine(
      run,
      `Cannot start: Postgres at 127.0.0.1:${port} refused the connection (DATABASE_URL): is it running, and are the host and port right?`,
      ['Unreach-Pg-4411'],
    );
  });

  it('unreachable Redis: one line after REDIS_CONNECT_TIMEOUT_MS, no password', async () => {
    const port = await freePort();
    const run = await runBuilt(SERVER_MAIN, {
      REDIS_URL: `redis://motcua:Unreach-Rd-5512@127.0.0.1:${port}/0`,
      REDIS_CONNECT_TIMEOUT_MS: '1500',
    });
    expectOneLine(
      run,
      `Cannot start: Redis at 127.0.0.1:${port} (REDIS_URL) did not answer within 1500 ms (REDIS_CONNECT_TIMEOUT_MS): connection refused`,
      ['Unreach-Rd-5512'],
    );
  });

  it('the worker stops the same way', async () => {
    const port = await freePort();
    const run = await runBuilt(WORKER_MAIN, {
      REDIS_URL: `rediss://:Wk-Rd-6613@127.0.0.1:${port}`,
      REDIS_CONNECT_TIMEOUT_MS: '1000',
    });
    expectOneLine(
      run,
      `Cannot start: Redis at 127.0.0.1:${port} (TLS) (REDIS_URL) did not answer within 1000 ms (REDIS_CONNECT_TIMEOUT_MS): connection refused`,
      ['Wk-Rd-6613'],
    );
  });

  it('SIGTERM ends a start that waits for Redis', async () => {
    // a "Redis" that hangs up on every connection: the first attempt shows the start is waiting for it
    let pid = 0;
    const hangUp = createServer((socket) => {
      socket.destroy();
      if (pid) process.kill(pid, 'SIGTERM');
      pid = 0;
    });
    await new Promise<void>((resolve) => hangUp.listen(0, '127.0.0.1', resolve));
    const { port } = hangUp.address() as AddressInfo;
    const run = await runBuilt(
      SERVER_MAIN,
      { REDIS_URL: `redis://127.0.0.1:${port}`, REDIS_CONNECT_TIMEOUT_MS: '600000' },
      (child) => (pid = child),
    );
    hangUp.close();
    expect(run.code).toBe(143);
    expect(run.lines).toEqual(['motcua stopped by SIGTERM during start-up']);
  });

  it('typo in the database name: the server says so; the migration runner neither creates nor migrates it', async () => {
    const typo = `${testDb.pathname.slice(1)}_typo`;
    const server = await runBuilt(SERVER_MAIN, { DATABASE_URL: dbUrl('Typo-Pg-7714', { database: typo }) });
    const expected = `Cannot start: database "${typo}" does not exist on Postgres at ${testDb.hostname}:${testDb.port || 5432} (DATABASE_URL): check its name, or create it (npm run migrate creates it with DB_CREATE=true)`;
    expectOneLine(server, expected, ['Typo-Pg-7714']);
    const migrate = await runBuilt(MIGRATE_MAIN, { DATABASE_URL: dbUrl('Typo-Pg-7714', { database: typo }) });
    expectOneLine(migrate, expected, ['Typo-Pg-7714']);
    const admin = new Client({ connectionString: dbUrl('x', { database: 'postgres' }) });
    await admin.connect();
    try {
      expect((await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [typo])).rowCount).toBe(0);
    } finally {
      await admin.end();
    }
  });

  it("production without PUBLIC_URL, or with the compose file's placeholder secrets", async () => {
    const secrets = {
      JWT_SECRET: 'Jw7-kq2Xr9-vB4nM1sT6',
      SMS_INBOUND_SECRET: 'Sm4-pZ8wQ1-eR5tY2uI7',
      LOOKUP_KEY_PEPPER: 'Lk9-aS3dF6-gH2jK5lP8',
      CITIZEN_AUTH_SECRET: 'Cz3-hY6uJ9-kL2mN5bV8',
    };
    const noUrl = await runBuilt(SERVER_MAIN, { NODE_ENV: 'production', ...secrets });
    expectOneLine(noUrl, /^Refusing to start: PUBLIC_URL must be set in production/, Object.values(secrets));
    const placeholder = await runBuilt(SERVER_MAIN, {
      NODE_ENV: 'production',
      ...secrets,
      PUBLIC_URL: 'https://motcua.example.vn',
      JWT_SECRET: 'change-me-in-production',
    });
    expectOneLine(
      placeholder,
      'Refusing to start: JWT_SECRET is a known placeholder (such as change-me-…): generate one, e.g. openssl rand -base64 32',
      ['change-me-in-production', ...Object.values(secrets)],
    );
  });
});
