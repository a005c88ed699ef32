/**
 * `npm run bench:online` (issue 18 item 3): the latency of an online submission (`POST
 * /api/online/procedures/:code/submissions`: e-form check, one transaction that writes the
 * submission, binds its two staged files and fills the SMS outbox), without the uploads — the files
 * are staged before the clock starts. The server is the built app (dist/) in its own process, on its
 * own database and Redis db (BENCH_ONLINE_DATABASE_URL, BENCH_ONLINE_REDIS_URL). Citizens sign in as
 * they do (a code read from the outbox), each from its own loopback address. Sequential, then 8 at
 * once. Results to stdout and bench/out/online.json.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createApp } from '../apps/server/src/app.factory';
import { seedDemo } from '../apps/server/src/seed/demo.seed';
import { recreateDatabase, runMigrations } from '../libs/database/src/migrate';

const root = join(__dirname, '..', '..');
const work = join(root, 'bench/out/online');
const DATABASE_URL = process.env.BENCH_ONLINE_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/motcua_bench_online';
const REDIS_URL = process.env.BENCH_ONLINE_REDIS_URL ?? 'redis://127.0.0.1:6379/8';
const PORT = Number(process.env.BENCH_ONLINE_PORT ?? 3191);
const RUNS = Number(process.env.BENCH_ONLINE_RUNS ?? 200);
const CITIZENS = 20;
const url = `http://127.0.0.1:${PORT}`;

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];

/** A JSON POST from a loopback address of its own (the sign-in limits count per address). */
function postFrom(
  path: string,
  body: object,
  localAddress: string,
): Promise<{ status: number; body: { token: string } | undefined }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, {
      method: 'POST',
      localAddress,
      agent: false,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }));
    });
    req.end(payload);
  });
}

async function signIn(db: Client, phone: string): Promise<string> {
  const address = `127.${randomInt(1, 250)}.${randomInt(1, 250)}.${randomInt(2, 250)}`;
  if ((await postFrom('/api/citizen/auth/code', { phone }, address)).status !== 202) throw new Error('code refused');
  const { rows } = await db.query(
    `SELECT detail FROM sms_outbox WHERE kind = 'sign_in_code' AND phone = $1 ORDER BY id DESC LIMIT 1`,
    [phone],
  );
  const verified = await postFrom('/api/citizen/auth/verify', { phone, code: rows[0].detail }, address);
  if (verified.status !== 200) throw new Error(`sign-in refused: ${verified.status}`);
  return verified.body!.token;
}

/** Stages one file (raw body) for a document; its id. */
async function stage(token: string, documentKey: string, head: Buffer): Promise<string> {
  const res = await fetch(`${url}/api/online/procedures/1.001612/files?documentKey=${documentKey}`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/octet-stream',
      'X-File-Name': `${documentKey}.pdf`,
    },
    body: Buffer.concat([head, randomBytes(64 * 1024)]),
  });
  if (res.status !== 201) throw new Error(`staging refused: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { items: { id: string }[] }).items[0].id;
}

const answers = (n: number) => ({
  kinhGui: 'Phòng Tài chính – Kế hoạch',
  tenHoKinhDoanh: `Hộ kinh doanh đo tốc độ ${n}`,
  diaChiTruSo: '12 Lê Duẩn, phường Tân Lợi',
  nganhNghe: 'Bán lẻ',
  vonKinhDoanh: 50_000_000,
  camKet: true,
});

async function submitOnce(token: string, files: string[], n: number): Promise<number> {
  const start = process.hrtime.bigint();
  const res = await fetch(`${url}/api/online/procedures/1.001612/submissions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
    body: JSON.stringify({
      applicant: { fullName: 'Nguyễn Văn Đo', idNumber: '066190001234', address: 'Buôn Ma Thuột' },
      answers: answers(n),
      files,
    }),
  });
  await res.arrayBuffer();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (res.status !== 201) throw new Error(`submission refused: ${res.status}`);
  return ms;
}

async function main() {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const env = {
    ...process.env,
    DATABASE_URL,
    REDIS_URL,
    RUN_WORKERS: 'false',
    FILES_DIR: join(work, 'store'),
    JWT_SECRET: process.env.JWT_SECRET ?? 'bench-only-secret',
    CITIZEN_AUTH_SECRET: process.env.CITIZEN_AUTH_SECRET ?? 'bench-only-citizen-secret',
    QUEUE_PREFIX: `bench-online-${Date.now()}`,
    THROTTLE_PREFIX: `bench-online-${Date.now()}`,
  };
  Object.assign(process.env, env);
  await recreateDatabase(DATABASE_URL);
  await runMigrations();
  const setup = await createApp({ logger: false });
  await seedDemo(setup);
  await setup.close();

  const server = spawn(process.execPath, [join(root, 'dist/apps/server/src/main.js')], {
    cwd: root,
    env: { ...env, PORT: String(PORT), SEED_DEMO: 'false', FILES_DRIVER: 'local', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const db = new Client({ connectionString: DATABASE_URL });
  await db.connect();
  try {
    for (
      let i = 0;
      i < 240 &&
      !(await fetch(`${url}/health`).then(
        (r) => r.ok,
        () => false,
      ));
      i++
    )
      await new Promise((r) => setTimeout(r, 250));
    const machine = `${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
    console.log(
      `machine: ${machine}; load average at start ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );

    const tokens: string[] = [];
    for (let c = 0; c < CITIZENS; c++)
      tokens.push(await signIn(db, `09${String(10_000_000 + c * 7919).padStart(8, '0')}`));
    const pdf = Buffer.from('%PDF-1.7\n');
    // The uploads, before any clock: two files per submission.
    const staged: { token: string; files: string[] }[] = [];
    for (let n = 0; n < RUNS * 2 + 20; n++) {
      const token = tokens[n % CITIZENS];
      staged.push({
        token,
        files: [await stage(token, 'giay-de-nghi', pdf), await stage(token, 'giay-to-phap-ly', pdf)],
      });
    }
    // Warm-up (JIT, connection pool, prepared plans): not counted.
    for (let n = 0; n < 20; n++) await submitOnce(staged[n].token, staged[n].files, n);

    const sequential: number[] = [];
    for (let n = 20; n < 20 + RUNS; n++) sequential.push(await submitOnce(staged[n].token, staged[n].files, n));
    const concurrent: number[] = [];
    const queue = staged.slice(20 + RUNS);
    const started = Date.now();
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let item = queue.shift(); item; item = queue.shift())
          concurrent.push(await submitOnce(item.token, item.files, concurrent.length));
      }),
    );
    const elapsed = (Date.now() - started) / 1000;
    const summary = (label: string, values: number[]) => ({
      label,
      runs: values.length,
      p50: +percentile(values, 50).toFixed(1),
      p95: +percentile(values, 95).toFixed(1),
      p99: +percentile(values, 99).toFixed(1),
      max: +Math.max(...values).toFixed(1),
    });
    const results = {
      machine,
      loadAverageEnd: loadavg().map((l) => +l.toFixed(2)),
      sequential: summary('one at a time', sequential),
      concurrent: { ...summary('8 at once', concurrent), perSecond: +(concurrent.length / elapsed).toFixed(1) },
    };
    console.log(JSON.stringify(results, null, 2));
    writeFileSync(join(work, '..', 'online.json'), JSON.stringify(results, null, 2));
  } finally {
    await db.end();
    server.kill('SIGTERM');
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
