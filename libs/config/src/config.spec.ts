import { readFileSync } from 'node:fs';
import { loadConfig, redactSecrets, setting } from './config';
import { ConfigError } from './kinds';
import { configurationTable, OPERATIONS_DOC, TABLE_END, TABLE_START, withCurrentTable } from './operations-table';
import { SCHEMA } from './schema';
import { startupFailureText, StartupError } from './startup';

/** The message `loadConfig` stops with for `env`. */
function refusal(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('loadConfig accepted the environment');
}

describe('the configuration schema (issue 20)', () => {
  it('gives every default when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      SMS_OUTBOX_INTERVAL_MS: 2000,
      LOOKUP_RATE_LIMIT: 30,
      RUN_WORKERS: true,
      REDIS_SENTINELS: [],
      PUBLIC_URL: 'http://localhost:3000',
    });
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/motcua');
  });

  it('reads typed values', () => {
    const env = {
      SMS_OUTBOX_INTERVAL_MS: '500',
      RUN_WORKERS: 'false',
      REDIS_SENTINELS: 's1:26379, s2:26380',
      DEADLINE_WARNING_FRACTION: '0.5',
    };
    expect(setting('SMS_OUTBOX_INTERVAL_MS', env)).toBe(500);
    expect(setting('RUN_WORKERS', env)).toBe(false);
    expect(setting('REDIS_SENTINELS', env)).toEqual([
      { host: 's1', port: 26379 },
      { host: 's2', port: 26380 },
    ]);
    expect(setting('DEADLINE_WARNING_FRACTION', env)).toBe(0.5);
  });

  it.each([
    [
      { SMS_OUTBOX_INTERVAL_MS: 'abc' },
      'SMS_OUTBOX_INTERVAL_MS must be a whole number of milliseconds, at least 100 (got "abc")',
    ],
    [{ LOOKUP_RATE_LIMIT: 'abc' }, 'LOOKUP_RATE_LIMIT must be a whole number, at least 1 (got "abc")'],
    [{ PORT: '70000' }, 'PORT must be a whole number (a TCP port) from 0 to 65535 (got "70000")'],
    [{ JOB_CONCURRENCY: '2.5' }, 'JOB_CONCURRENCY must be a whole number, at least 1 (got "2.5")'],
    [{ RUN_WORKERS: 'ture' }, 'RUN_WORKERS must be true or false (got "ture")'],
    [
      { LOG_LEVEL: 'verbose' },
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "verbose")',
    ],
    [
      { REDIS_SENTINELS: 'sentinel-1' },
      'REDIS_SENTINELS must be a list of host:port, such as sentinel-1:26379,sentinel-2:26379 (got "sentinel-1")',
    ],
    [
      { DEADLINE_WARNING_FRACTION: '25%' },
      'DEADLINE_WARNING_FRACTION must be a decimal number above 0 and at most 1, e.g. 0.25 (got "25%")',
    ],
  ])('refuses %j in one line naming the variable', (env, message) => {
    expect(refusal(env)).toBe(message);
  });

  it('names every bad variable in the one line', () => {
    expect(refusal({ PORT: 'x', JOB_LOCK_MS: '10' })).toBe(
      'PORT must be a whole number (a TCP port) from 0 to 65535 (got "x"); JOB_LOCK_MS must be a whole number of milliseconds, at least 1000 (got "10")',
    );
  });

  it('never repeats a URL that may hold a password, and explains an unescaped #', () => {
    const bad = refusal({ DATABASE_URL: 'postgres://motcua:Xq9#Zk7w@db:5432/motcua' });
    expect(bad).toMatch(/^DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL .*# is %23/);
    expect(bad).not.toContain('Xq9');
    expect(bad).not.toContain('Zk7w');
    // a '#' after digits parses as a URL (port 12, fragment): still refused
    const parsed = refusal({ DATABASE_URL: 'postgres://motcua:12#34@db:5432/motcua' });
    expect(parsed).toMatch(/^DATABASE_URL holds a '#'/);
    expect(parsed).not.toContain('34@');
    expect(refusal({ REDIS_URL: 'http://redis:6379' })).toBe(
      'REDIS_URL must be a redis:// or rediss:// URL such as rediss://user:secret@redis.local:6380/0 (it starts with "http:")',
    );
  });

  it('redacts every secret value and URL password from printed text', () => {
    const env = {
      DATABASE_URL: 'postgres://motcua:p%40ss#word@db/motcua',
      JWT_SECRET: 'a-real-jwt-secret-value',
      REDIS_URL: 'redis://:r3dis-pass@redis:6379',
    };
    const text = `failed postgres://motcua:p%40ss#word@db/motcua p%40ss#word p@ss#word word a-real-jwt-secret-value r3dis-pass`;
    const out = redactSecrets(text, env);
    for (const secret of ['p%40ss', 'p@ss', 'word', 'a-real-jwt-secret-value', 'r3dis-pass'])
      expect(out).not.toContain(secret);
  });

  it('prints a bad setting and an unreachable dependency without a stack; a defect with one', () => {
    expect(startupFailureText(new ConfigError('PORT must be …'))).toBe('Refusing to start: PORT must be …');
    expect(startupFailureText(new StartupError('Postgres at db:5432 refused the connection'))).toBe(
      'Cannot start: Postgres at db:5432 refused the connection',
    );
    expect(startupFailureText(new TypeError('x is undefined'))).toMatch(
      /^Start failed: TypeError: x is undefined\n\s+at /,
    );
  });
});

describe('VNPay settings in production (ADR 0029)', () => {
  const PRODUCTION = {
    NODE_ENV: 'production',
    PUBLIC_URL: 'https://motcua.daklak.gov.vn',
    JWT_SECRET: 'Jq8vZ2mN4xR7tY1wK5pL9sD3',
    SMS_INBOUND_SECRET: 'Hf6gT2nB8vC4xZ1mQ7wE3rY',
    LOOKUP_KEY_PEPPER: 'Pk3mW9qL2vN6xB8tR4yJ7cF',
    // required in production since citizens sign in (ADR 0027); the two branches met in wt-online
    CITIZEN_AUTH_SECRET: 'Cz5nV8bM2kX6qW9rT3yH7jD',
  };

  it('starts without VNPay (no online payment) and refuses a weak secret or a missing https pay URL and terminal', () => {
    expect(() => loadConfig(PRODUCTION)).not.toThrow();
    const message = refusal({ ...PRODUCTION, VNPAY_HASH_SECRET: 'secret-of-vnpay-terminal' });
    expect(message).toContain('VNPAY_HASH_SECRET is a known placeholder');
    expect(message).toContain("VNPAY_PAY_URL must be set to VNPay's https pay page");
    expect(message).toContain('VNPAY_TMN_CODE must be set');
    expect(message).not.toContain('secret-of-vnpay-terminal');
    expect(() =>
      loadConfig({
        ...PRODUCTION,
        VNPAY_HASH_SECRET: 'Zb7Kq2Wm9Xn4Vr6Tp1Ys8Lc3',
        VNPAY_PAY_URL: 'https://pay.vnpay.vn/vpcpay.html',
        VNPAY_TMN_CODE: '2QXUI4J4',
      }),
    ).not.toThrow();
    expect(refusal({ VNPAY_TMN_CODE: 'short' })).toContain('VNPAY_TMN_CODE must be the 8-character terminal code');
  });
});

describe('docs/operations.md, configuration table', () => {
  it('lists every variable of the schema with its default', () => {
    const table = configurationTable();
    for (const name of Object.keys(SCHEMA)) expect(table).toContain(`| \`${name}\` |`);
    expect(table).toContain('| `SMS_OUTBOX_INTERVAL_MS` | `2000` |');
    expect(table).not.toMatch(/motcua-demo-secret|change-me/);
  });

  it('is up to date (run `npm run docs:config` after changing libs/config/src/schema.ts)', () => {
    const doc = readFileSync(OPERATIONS_DOC, 'utf8');
    expect(doc).toContain(TABLE_START);
    expect(doc).toContain(TABLE_END);
    expect(withCurrentTable(doc)).toBe(doc);
  });
});

describe('every setting goes through the schema', () => {
  it('no file of apps/ or libs/ reads process.env itself (only as the default of an `env` parameter)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- typed by `typeof import`
    const { readdirSync, statSync } = require('node:fs') as typeof import('node:fs');
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- typed by `typeof import`
    const { join } = require('node:path') as typeof import('node:path');
    const root = join(__dirname, '..', '..', '..');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const path = join(dir, entry);
        if (statSync(path).isDirectory()) {
          if (!['node_modules', 'dist', 'web', '__tests__'].includes(entry)) walk(path);
        } else if (path.endsWith('.ts') && !path.endsWith('.spec.ts')) files.push(path);
      }
    };
    walk(join(root, 'apps'));
    walk(join(root, 'libs'));
    const reads = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ where: `${file.slice(root.length + 1)}:${i + 1}`, line }))
        .filter(
          ({ line }) =>
            /process\.env\b/.test(line) && !/=\s*process\.env[),]/.test(line) && !/^\s*(\*|\/\/)/.test(line),
        ),
    );
    // The worker sets RUN_WORKERS for itself; loadConfig's caller in the migration runner passes the environment on;
    // the OpenAPI tooling (not the running server) passes it on to the Redocly child process.
    const allowed = [
      /apps\/worker\/src\/main\.ts:\d+$/,
      /libs\/database\/src\/migrate\.ts:\d+$/,
      /apps\/server\/src\/openapi\/api-contract\.ts:\d+$/,
    ];
    expect(
      reads.filter((r) => !allowed.some((a) => a.test(r.where))).map((r) => `${r.where}: ${r.line.trim()}`),
    ).toEqual([]);
  });
});
