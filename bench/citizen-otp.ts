/**
 * `npm run bench:citizen-otp` (issue 18 item 2): citizens' one-time-code sign-in on the server, in
 * sign-ins per second. The built server (dist/) runs in its own process, workers off; N citizens
 * (distinct mobile numbers) each ask for a code (POST /api/citizen/auth/code), the bench reads each
 * code where the SMS gateway would, the outbox table, and each citizen verifies it
 * (POST /api/citizen/auth/verify) — C at a time. Every citizen calls from its own loopback address
 * (127.x.y.z, as the login-throttling e2e does), so the per-address limits (20 codes an hour) hold as
 * in production and no limit is lifted for the bench. Own database and Redis db
 * (BENCH_CITIZEN_DATABASE_URL, BENCH_CITIZEN_REDIS_URL). Results: stdout and bench/out/citizen-otp.json.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import http from 'node:http';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { recreateDatabase, runMigrations } from '../libs/database/src/migrate';

const root = join(__dirname, '..', '..');
const DATABASE_URL =
  process.env.BENCH_CITIZEN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/motcua_bench_citizen';
const REDIS_URL = process.env.BENCH_CITIZEN_REDIS_URL ?? 'redis://127.0.0.1:6379/2';
const PORT = Number(process.env.BENCH_CITIZEN_PORT ?? 3197);
const CITIZENS = Number(process.env.BENCH_CITIZEN_N ?? 3000);
const CONCURRENCY = Number(process.env.BENCH_CITIZEN_CONCURRENCY ?? 32);
const url = `http://127.0.0.1:${PORT}`;

/** One JSON POST from `localAddress`; a new connection each time (each citizen is its own client). */
function post(path: string, body: object, localAddress: string): Promise<{ status: number; ms: number }> {
  const payload = JSON.stringify(body);
  const start = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${url}${path}`,
      {
        method: 'POST',
        localAddress,
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, ms: Number(process.hrtime.bigint() - start) / 1e6 }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Runs `work(i)` for i < n, `concurrency` at a time; the wall time in seconds. */
async function pool(n: number, concurrency: number, work: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) await work(next++);
    }),
  );
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** CPU seconds (user + system) the process has used: /proc/<pid>/stat fields 14 and 15, in clock ticks of 1/100 s. */
const cpuSeconds = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * p)];
const phoneOf = (i: number) => `097${String(1_000_000 + i).padStart(7, '0')}`;
const addressOf = (i: number) => `127.${10 + Math.floor(i / 60_000)}.${Math.floor(i / 240) % 250}.${(i % 240) + 2}`;

async function main() {
  const env = {
    ...process.env,
    DATABASE_URL,
    REDIS_URL,
    RUN_WORKERS: 'false',
    SEED_DEMO: 'false',
    JWT_SECRET: process.env.JWT_SECRET ?? 'bench-only-staff-secret',
    CITIZEN_AUTH_SECRET: process.env.CITIZEN_AUTH_SECRET ?? 'bench-only-citizen-secret',
    THROTTLE_PREFIX: `bench-citizen-${Date.now()}`,
    QUEUE_PREFIX: `bench-citizen-${Date.now()}`,
    LOG_LEVEL: 'warn',
  };
  Object.assign(process.env, env);
  await recreateDatabase(DATABASE_URL);
  await runMigrations();
  // BENCH_CITIZEN_NODE_ARGS: extra flags for the server's node, e.g. `--cpu-prof --cpu-prof-dir=bench/out/prof`.
  const nodeArgs = (process.env.BENCH_CITIZEN_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const server = spawn(process.execPath, [...nodeArgs, join(root, 'dist/apps/server/src/main.js')], {
    cwd: root,
    env: { ...env, PORT: String(PORT) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const db = new Client({ connectionString: DATABASE_URL });
  await db.connect();
  try {
    for (let i = 0; i < 240; i++) {
      if (
        await fetch(`${url}/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const machine = `${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
    const loadStart = loadavg().map((l) => l.toFixed(2));
    console.log(`machine: ${machine}; load average at start ${loadStart.join(' ')}`);
    // warm-up: 200 sign-ins of other numbers (JIT, connection pools, prepared statements)
    const warm = async (i: number) => {
      const phone = `098${String(1_000_000 + i).padStart(7, '0')}`;
      await post('/api/citizen/auth/code', { phone }, `127.250.0.${(i % 240) + 2}`);
    };
    await pool(200, CONCURRENCY, warm);

    const cpuBefore = cpuSeconds(server.pid!);
    const codeMs: number[] = [];
    const codeStatus: Record<number, number> = {};
    const codeSeconds = await pool(CITIZENS, CONCURRENCY, async (i) => {
      const answer = await post('/api/citizen/auth/code', { phone: phoneOf(i) }, addressOf(i));
      codeMs.push(answer.ms);
      codeStatus[answer.status] = (codeStatus[answer.status] ?? 0) + 1;
    });
    const cpuAfterCodes = cpuSeconds(server.pid!);
    const { rows } = await db.query<{ phone: string; detail: string }>(
      `SELECT DISTINCT ON (phone) phone, detail FROM sms_outbox WHERE kind = 'sign_in_code' AND phone LIKE '097%' ORDER BY phone, id DESC`,
    );
    const codes = new Map(rows.map((row) => [row.phone, row.detail]));
    const verifyMs: number[] = [];
    const verifyStatus: Record<number, number> = {};
    const verifySeconds = await pool(CITIZENS, CONCURRENCY, async (i) => {
      const answer = await post(
        '/api/citizen/auth/verify',
        { phone: phoneOf(i), code: codes.get(phoneOf(i)) ?? '000000' },
        addressOf(i),
      );
      verifyMs.push(answer.ms);
      verifyStatus[answer.status] = (verifyStatus[answer.status] ?? 0) + 1;
    });
    const cpuAfterVerify = cpuSeconds(server.pid!);
    const [accounts] = (await db.query(`SELECT count(*)::int AS n FROM citizen_accounts`)).rows;
    const result = {
      at: new Date().toISOString(),
      machine,
      load: { start: loadStart, end: loadavg().map((l) => l.toFixed(2)) },
      citizens: CITIZENS,
      concurrency: CONCURRENCY,
      code: {
        perSecond: Math.round(CITIZENS / codeSeconds),
        p50: percentile(codeMs, 0.5),
        p95: percentile(codeMs, 0.95),
        statuses: codeStatus,
      },
      verify: {
        perSecond: Math.round(CITIZENS / verifySeconds),
        p50: percentile(verifyMs, 0.5),
        p95: percentile(verifyMs, 0.95),
        statuses: verifyStatus,
      },
      /** Whole sign-ins (code + verify) per second of wall time, on this machine at this load. */
      signInsPerSecond: Math.round(CITIZENS / (codeSeconds + verifySeconds)),
      /**
       * The server process's own CPU per whole sign-in (its Node thread and libuv pool; Postgres and Redis
       * not included), and the sign-ins one core of it serves per second at that cost: a figure the other
       * processes on the machine do not move as much as the wall-time rate.
       */
      serverCpuMsPerSignIn: Number((((cpuAfterVerify - cpuBefore) * 1000) / CITIZENS).toFixed(2)),
      serverCpuMsPerCode: Number((((cpuAfterCodes - cpuBefore) * 1000) / CITIZENS).toFixed(2)),
      serverCpuMsPerVerify: Number((((cpuAfterVerify - cpuAfterCodes) * 1000) / CITIZENS).toFixed(2)),
      signInsPerServerCpuSecond: Math.round(CITIZENS / (cpuAfterVerify - cpuBefore)),
      accountsCreated: accounts.n,
    };
    console.log(JSON.stringify(result, null, 2));
    mkdirSync(join(root, 'bench/out'), { recursive: true });
    writeFileSync(join(root, 'bench/out/citizen-otp.json'), JSON.stringify(result, null, 2));
  } finally {
    await db.end();
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
