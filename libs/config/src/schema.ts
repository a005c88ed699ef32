import {
  bool,
  ConfigError,
  custom,
  fraction,
  int,
  oneOf,
  optionalInt,
  optionalText,
  secret,
  text,
  url,
  type Setting,
} from './kinds';

/**
 * EVERY environment variable motcua reads (issue 20, ADR 0013): its kind, default and meaning.
 * The servers, the worker and the migration runner check all of them at start, and a bad value
 * stops the process with one line naming the variable (config.ts). docs/operations.md's
 * configuration table is generated from this list.
 *
 * Adding a variable is ONE line in the group it belongs to, e.g.
 *     FILES_DIR: text('./files', 'Where uploaded files are kept.'),
 *     FILE_MAX_BYTES: int(10 * 1024 * 1024, 'Largest uploaded file.', { unit: 'bytes', min: 1 }),
 *     S3_SECRET_KEY: secret('Secret key of the S3 bucket.'),
 * then read it with `setting('FILES_DIR')` (typed, validated; never `process.env`) and run
 * `npm run docs:config`, which rewrites the table (a unit test fails until the table matches).
 */
const SERVER = {
  NODE_ENV: text('development', '`production` turns on the production checks: secrets, PUBLIC_URL, password cost.'),
  PORT: int(3000, 'HTTP port of the server.', { unit: 'port', max: 65535 }),
  PUBLIC_URL: url(
    'http://localhost:3000',
    'Address citizens reach the web app at: every QR code and SMS link points there. Required in production.',
    ['http:', 'https:'],
    'https://motcua.daklak.gov.vn',
  ),
  BODY_LIMIT: text('2mb', 'Largest JSON or BPMN request body.', {
    pattern: /^\d+(\.\d+)?\s*(b|kb|mb)?$/i,
    expects: 'a size such as 2mb, 512kb or 100000',
  }),
  TRUST_PROXY: text(
    '',
    'Reverse proxies in front: a hop count (1) or their addresses/ranges (see "Behind a reverse proxy").',
  ),
  CORS_ORIGINS: text('', 'Comma-separated origins allowed to call the API from a browser (unset: same origin only).'),
  LOG_LEVEL: oneOf(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
    'info',
    'Least severe log level written (warn drops the per-request line).',
  ),
  METRICS_TOKEN: secret('When set, GET /metrics needs Authorization: Bearer <token>.'),
  RUN_WORKERS: bool(
    true,
    'Run the job processors, reconciler and SMS outbox in this server process (false behind start:cluster).',
  ),
  SHUTDOWN_GRACE_MS: int(
    15_000,
    'After SIGTERM, how long a process may close gracefully before it exits anyway (e.g. while Redis is away).',
    { unit: 'ms', min: 100 },
  ),
  WORKER_PORT: int(
    3001,
    "HTTP port of the standalone worker's /health and /metrics (0: none); start:cluster gives worker n WORKER_PORT + n - 1.",
    { unit: 'port', max: 65535 },
  ),
  SEED_DEMO: bool(
    true,
    'Seed the demo province, accounts and dossiers on an empty database (false for a real province).',
  ),
  DEMO_PASSWORD: secret('Password of the seeded demo accounts.', { shown: 'motcua-demo' }),
  MOTCUA_API_URL: optionalText(
    "Development only: where the web app's dev server (vite) sends /api (default http://localhost:3000).",
  ),
};

const DATABASE = {
  DATABASE_URL: url(
    'postgres://postgres@127.0.0.1:5432/motcua',
    'PostgreSQL connection URL (percent-encode special characters in the password).',
    ['postgres:', 'postgresql:'],
    'postgres://motcua:secret@db.local:5432/motcua',
  ),
  DB_POOL_SIZE: int(20, 'Connections each process keeps to Postgres.', { min: 1 }),
  DB_CONNECT_TIMEOUT_MS: int(10_000, 'How long the start waits for Postgres before it stops with a message.', {
    unit: 'ms',
    min: 100,
  }),
  DB_CREATE: bool(false, 'Let the migration runner create a missing database (always on for the default local URL).'),
  DB_NAMED_STATEMENTS: bool(
    true,
    'Named prepared statements on the hot path; false behind a pooler that cannot keep them (see "PgBouncer").',
  ),
  DB_LOGGING: bool(false, 'Log every SQL statement.'),
};

const REDIS = {
  REDIS_URL: url(
    'redis://127.0.0.1:6379',
    'Redis URL: redis:// or rediss:// (TLS), user name, password and /db number. With REDIS_SENTINELS, its host is ignored.',
    ['redis:', 'rediss:'],
    'rediss://user:secret@redis.local:6380/0',
  ),
  REDIS_SENTINELS: custom<{ host: string; port: number }[]>(
    [],
    '(unset)',
    'Redis Sentinel addresses, host:port,host:port; the master is asked from them.',
    sentinelList,
  ),
  REDIS_SENTINEL_NAME: text('mymaster', 'Name of the master the sentinels watch.', {
    pattern: /^[\w.-]+$/,
    expects: 'a master name such as mymaster',
  }),
  REDIS_SENTINEL_PASSWORD: secret('Password of the sentinels themselves (when they have one).'),
  REDIS_CONNECT_TIMEOUT_MS: int(10_000, 'How long the start waits for Redis before it stops with a message.', {
    unit: 'ms',
    min: 100,
  }),
  QUEUE_PREFIX: text('motcua', 'BullMQ key prefix; the same on every process of one deployment.'),
  THROTTLE_PREFIX: text('motcua', 'Rate-limit key prefix; the same on every process of one deployment.'),
};

const SECRETS = {
  JWT_SECRET: secret('Signs access tokens; the same on every server. Required in production (16+ characters).'),
  JWT_TTL: text('8h', 'Access token lifetime: seconds or a duration (30m, 8h).', {
    pattern: /^\d+\s*(ms|s|m|h|d|w)?$/,
    expects: 'seconds or a duration such as 30m or 8h',
  }),
  SMS_INBOUND_SECRET: secret("Shared secret of the SMS gateway's inbound calls. Required in production."),
  CITIZEN_AUTH_SECRET: secret(
    "Keys the citizens' sign-in: one-time codes are kept as its HMAC, citizen tokens signed with it (ADR 0027). Not JWT_SECRET; required in production.",
  ),
  CITIZEN_TOKEN_TTL: text('2h', 'Citizen token lifetime: seconds or a duration (30m, 2h).', {
    pattern: /^\d+\s*(s|m|h|d)?$/,
    expects: 'seconds or a duration such as 30m or 2h',
  }),
  LOOKUP_KEY_PEPPER: secret(
    'Pepper of the lookup-key hashes; never change it once dossiers exist. Required in production.',
  ),
  PASSWORD_HASH_COST: custom<number | undefined>(
    undefined,
    '17',
    "log2 of scrypt's N for password hashes, 10–20 (production: at least 17).",
    hashCost,
  ),
};

const WORKFLOW = {
  JOB_CONCURRENCY: int(8, 'Jobs each worker process runs at once.', { min: 1 }),
  JOB_BACKOFF_MS: int(1000, 'First retry delay of a failed job; doubles on each attempt.', { unit: 'ms' }),
  JOB_MAX_ATTEMPTS: int(3, 'Attempts before an incident, when the diagram says nothing.', { min: 1 }),
  JOB_LOCK_MS: int(300_000, 'How long a worker owns a claimed job before another may take it over.', {
    unit: 'ms',
    min: 1000,
  }),
  JOBS_OVERDUE_GRACE_MS: int(60_000, 'A pending job this late counts as overdue on the operations page.', {
    unit: 'ms',
  }),
  RECONCILE_INTERVAL_MS: int(10_000, 'How often the reconciler re-adds due or missing jobs to Redis.', {
    unit: 'ms',
    min: 100,
  }),
  BPMN_MAX_BYTES: int(2 * 1024 * 1024, 'Largest BPMN upload.', { unit: 'bytes', min: 1024 }),
  DEADLINE_WARNING_FRACTION: fraction(0.25, "Deadline warning: this share of a step's working time before it is due."),
  DEADLINE_WARNING_MIN_MS: int(3_600_000, 'Deadline warning: at least this many working milliseconds before due.', {
    unit: 'ms',
  }),
  TIMER_START_UNIT: optionalText(
    "Receiving unit of instances a timer start event starts when the deployer's is unknown.",
  ),
  INSTANCE_CACHE_SIZE: int(10_000, 'Running instances whose last state each process keeps (0: off).'),
  INBOX_STREAMS_PER_USER: int(
    5,
    'Live inbox streams (server-sent events) one account may hold open on one server process (ADR 0022).',
    { min: 1 },
  ),
  TASK_COUNT_FOLD_MS: int(1000, "How often the inbox's kept counts fold their changes (ADR 0006).", {
    unit: 'ms',
    min: 100,
  }),
  BPMN_MAX_FLOW_ELEMENTS: optionalInt('5000', 'Flow elements one diagram may hold.', { min: 1 }),
  BPMN_MAX_SUBPROCESS_DEPTH: optionalInt('32', 'Subprocesses inside subprocesses.', { min: 1 }),
  MI_MAX_CARDINALITY: optionalInt('1000', 'Instances one multi-instance activity may start.', { min: 1 }),
  TIMER_MIN_CYCLE_MS: optionalInt('60000', 'Shortest interval of a repeating timer.', { unit: 'ms', min: 1 }),
  CALL_DEPTH_MAX: int(10, 'Call activities nested deeper than this raise CALL_DEPTH_EXCEEDED.', { min: 1 }),
  CALENDAR_REFRESH_MS: int(30_000, 'How long a process trusts its loaded working-day calendar.', {
    unit: 'ms',
    min: 1000,
  }),
};

const TRACKING = {
  FORM_MAX_BYTES: int(5 * 1024 * 1024, 'Largest uploaded form file.', { unit: 'bytes', min: 1 }),
  LOOKUP_RATE_LIMIT: int(30, 'Public lookups a minute per client address.', { min: 1 }),
  STATS_CACHE_SECONDS: int(
    60,
    'How long each process serves the public aggregate before computing it again (0: never cached).',
    { unit: 'seconds' },
  ),
  SMS_GATEWAY_URL: url(
    undefined,
    'Where outbound SMS are POSTed as JSON; unset: SMS are only logged.',
    ['http:', 'https:'],
    'https://sms.example.vn/send',
  ),
  SMS_GATEWAY_TOKEN: secret('Bearer token for SMS_GATEWAY_URL; required with it in production.'),
  SMS_OUTBOX_INTERVAL_MS: int(2000, 'How often the SMS outbox is sent.', { unit: 'ms', min: 100 }),
  SMS_RETRY_BASE_MS: int(5000, 'First retry delay of a failed SMS; doubles up to 10 minutes.', { unit: 'ms', min: 1 }),
  SMS_RATE_LIMIT: int(10, 'Inbound SMS lookups an hour per client address.', { min: 1 }),
};

const FILES = {
  FILES_DRIVER: oneOf(
    ['local', 's3'],
    'local',
    'Where dossier files are kept: a local directory (FILES_DIR) or an S3-compatible bucket (ADR 0009).',
  ),
  FILES_DIR: text('./data/files', "Local driver: the files' directory (objects/, tmp/), created at start."),
  FILE_MAX_BYTES: int(20 * 1024 * 1024, 'Largest dossier file (PDF, JPEG, PNG); larger ones get 413 FILE_TOO_LARGE.', {
    unit: 'bytes',
    min: 1,
  }),
  FILES_PER_REQUEST: int(20, 'Files one upload request may carry.', { min: 1 }),
  FILES_STALE_AFTER_MS: int(
    3_600_000,
    'An upload in flight longer than this is dead: the sweep removes what it stored.',
    { unit: 'ms', min: 1 },
  ),
  FILES_SWEEP_INTERVAL_MS: int(
    600_000,
    'How often each server sweeps dead uploads (it also does at start; 0: only then).',
    { unit: 'ms' },
  ),
  S3_ENDPOINT: url(
    undefined,
    'S3 driver: endpoint of an S3-compatible store such as MinIO (unset: AWS).',
    ['http:', 'https:'],
    'https://s3.daklak.gov.vn',
  ),
  S3_BUCKET: optionalText('S3 driver: the bucket (required with FILES_DRIVER=s3).'),
  S3_REGION: text('us-east-1', 'S3 driver: region.'),
  S3_ACCESS_KEY_ID: optionalText("S3 driver: access key id (unset: the SDK's default credential chain)."),
  S3_SECRET_ACCESS_KEY: secret('S3 driver: secret access key.'),
  S3_FORCE_PATH_STYLE: bool(
    false,
    'S3 driver: path-style addresses (bucket in the path), as MinIO and most non-AWS stores want.',
  ),
};

const PAYMENTS = {
  VNPAY_PAY_URL: url(
    'http://127.0.0.1:8899/paymentv2/vpcpay.html',
    "VNPay's pay page (vpcpay.html); the default is the local simulator (test/support/vnpay-simulator.ts). Required in production with VNPAY_HASH_SECRET.",
    ['http:', 'https:'],
    'https://pay.vnpay.vn/vpcpay.html',
  ),
  VNPAY_TMN_CODE: text(
    'MOTCUA01',
    'The terminal code VNPay gave the province (vnp_TmnCode). Required in production with VNPAY_HASH_SECRET.',
    {
      pattern: /^[A-Za-z0-9]{8}$/,
      expects: 'the 8-character terminal code VNPay issued, such as 2QXUI4J4',
    },
  ),
  VNPAY_HASH_SECRET: secret(
    "VNPay's hash secret (vnp_HashSecret) of the terminal; unset in production: no online fee payment (a development default otherwise).",
  ),
  VNPAY_EXPIRE_MINUTES: int(15, 'How long a VNPay pay link stays valid (vnp_ExpireDate).', { min: 1, max: 1440 }),
};

const CLUSTER = {
  SERVERS: int(2, '`npm run start:cluster`: HTTP server processes (also --servers).'),
  WORKERS: int(1, '`npm run start:cluster`: worker processes (also --workers).'),
  SHUTDOWN_TIMEOUT_MS: int(
    30_000,
    '`npm run start:cluster`: how long a stopping process may take before it is killed.',
    { unit: 'ms' },
  ),
};

/** The groups, in the order docs/operations.md lists them. */
export const GROUPS = {
  Server: SERVER,
  Database: DATABASE,
  Redis: REDIS,
  Secrets: SECRETS,
  Workflow: WORKFLOW,
  'Tracking and SMS': TRACKING,
  Files: FILES,
  Payments: PAYMENTS,
  'start:cluster': CLUSTER,
};

export const SCHEMA = {
  ...SERVER,
  ...DATABASE,
  ...REDIS,
  ...SECRETS,
  ...WORKFLOW,
  ...TRACKING,
  ...FILES,
  ...PAYMENTS,
  ...CLUSTER,
};
for (const [group, settings] of Object.entries(GROUPS))
  for (const s of Object.values(settings) as Setting<unknown>[]) s.group = group;

export type SettingName = keyof typeof SCHEMA;
export type Config = { readonly [K in SettingName]: (typeof SCHEMA)[K] extends Setting<infer T> ? T : never };

function sentinelList(raw: string, name: string): { host: string; port: number }[] {
  return raw
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const match = /^\[?([\w.:-]+?)\]?:(\d{1,5})$/.exec(item);
      const port = Number(match?.[2]);
      if (!match || port < 1 || port > 65535)
        throw new ConfigError(
          `${name} must be a list of host:port, such as sentinel-1:26379,sentinel-2:26379 (got "${item}")`,
        );
      return { host: match[1], port };
    });
}

function hashCost(raw: string, name: string, env: NodeJS.ProcessEnv): number {
  const lowest = env.NODE_ENV === 'production' ? 17 : 10;
  const cost = Number(raw.trim());
  if (!/^\s*\d+\s*$/.test(raw) || cost < lowest || cost > 20) {
    throw new ConfigError(
      `${name} must be an integer from ${lowest} to 20 (log2 of scrypt's N) (got "${raw.slice(0, 20)}")`,
    );
  }
  return cost;
}
