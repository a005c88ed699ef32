/**
 * `npm run bench:files` (issue 16): upload and download of 1 MB and 20 MB files through the HTTP
 * API, in MB/s, beside `cp` (and `cp` + fsync, as the store fsyncs) of the same file on the same
 * disk, in one run; then the server's RSS while 20 files of 20 MB are uploaded at once. The server
 * is the built app (dist/) in its own process, so its RSS is its own; the local driver, FILES_DIR
 * under bench/out/files. Own database and Redis db (BENCH_FILES_DATABASE_URL, BENCH_FILES_REDIS_URL).
 * Results go to stdout and bench/out/files.json.
 */
import 'reflect-metadata';
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../apps/server/src/app.factory';
import { seedDemo } from '../apps/server/src/seed/demo.seed';
import { recreateDatabase, runMigrations } from '../libs/database/src/migrate';
import { downloadFile, uploadFile, uploadRaw } from './lib/multipart-client';

const root = join(__dirname, '..', '..');
const work = join(root, 'bench/out/files');
const DATABASE_URL = process.env.BENCH_FILES_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/motcua_bench_files';
const REDIS_URL = process.env.BENCH_FILES_REDIS_URL ?? 'redis://127.0.0.1:6379/7';
const PORT = Number(process.env.BENCH_FILES_PORT ?? 3190);
const MB = 1024 * 1024;
const url = `http://127.0.0.1:${PORT}`;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const seconds = async (work: () => unknown) => {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e9;
};
const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;

/** A PDF-headed file of random bytes, written in 1 MB pieces. */
function makeFile(path: string, size: number): void {
  const fd = openSync(path, 'w');
  writeSync(fd, Buffer.from('%PDF-1.7\n'));
  for (let written = 9; written < size; written += MB) writeSync(fd, randomBytes(Math.min(MB, size - written)));
  closeSync(fd);
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
    QUEUE_PREFIX: `bench-files-${Date.now()}`,
  };
  Object.assign(process.env, env);
  await recreateDatabase(DATABASE_URL);
  await runMigrations();
  const setup = await createApp({ logger: false });
  await seedDemo(setup);
  await setup.close();

  // BENCH_FILES_NODE_ARGS: extra flags for the server's node, e.g. `--cpu-prof --cpu-prof-dir=bench/out/prof`.
  const nodeArgs = (process.env.BENCH_FILES_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const server = spawn(process.execPath, [...nodeArgs, join(root, 'dist/apps/server/src/main.js')], {
    cwd: root,
    env: {
      ...env,
      PORT: String(PORT),
      SEED_DEMO: 'false',
      RUN_WORKERS: 'false',
      FILES_DRIVER: 'local',
      FILES_DIR: join(work, 'store'),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
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
    const load = { start: loadavg().map((l) => l.toFixed(2)) };
    const machine = `${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
    console.log(`machine: ${machine}; load average at start ${load.start.join(' ')}`);

    const token = (
      await (
        await fetch(`${url}/api/auth/login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ username: 'reception', password: process.env.DEMO_PASSWORD ?? 'motcua-demo' }),
        })
      ).json()
    ).accessToken as string;
    const dossier = await (
      await fetch(`${url}/api/dossiers`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({
          procedureCode: '1.001612',
          applicant: { fullName: 'Đo Tốc Độ', idNumber: '066190001111', phone: '0905111222' },
          channel: 'direct',
          documents: ['giay-de-nghi', 'giay-to-phap-ly'],
        }),
      })
    ).json();
    const filesUrl = `${url}/api/dossiers/${dossier.code}/files`;
    const fields = { kind: 'document', documentKey: 'giay-de-nghi' };

    const rows: {
      size: string;
      runs: number;
      cp: number;
      cpSync: number;
      upload: number;
      uploadRaw: number;
      download: number;
      pairedVsCp: Record<string, number>;
    }[] = [];
    const runs20 = Number(process.env.BENCH_FILES_RUNS_20MB ?? 12);
    for (const [label, size, runs] of [
      ['1 MB', MB, 20],
      ['20 MB', 20 * MB, runs20],
    ] as const) {
      const source = join(work, `source-${label.replace(' ', '')}.pdf`);
      makeFile(source, size);
      const times = {
        cp: [] as number[],
        cpSync: [] as number[],
        upload: [] as number[],
        uploadRaw: [] as number[],
        download: [] as number[],
      };
      for (let run = 0; run < runs; run++) {
        // Alternated in each run, so load on the shared machine touches all four alike.
        const copy = join(work, `copy-${run}.pdf`);
        times.cp.push(await seconds(() => execFileSync('cp', [source, copy])));
        rmSync(copy);
        times.cpSync.push(
          await seconds(() => execFileSync('sh', ['-c', `cp "${source}" "${copy}" && sync "${copy}"`])),
        );
        rmSync(copy);
        let id = '';
        times.upload.push(
          await seconds(async () => {
            const res = await uploadFile(filesUrl, token, source, fields);
            if (res.status !== 201) throw new Error(`upload answered ${res.status}: ${res.body}`);
            id = JSON.parse(res.body).items[0].id;
          }),
        );
        times.uploadRaw.push(
          await seconds(async () => {
            const res = await uploadRaw(filesUrl, token, source, fields);
            if (res.status !== 201) throw new Error(`raw upload answered ${res.status}: ${res.body}`);
          }),
        );
        const target = join(work, `download-${run}.pdf`);
        times.download.push(
          await seconds(async () => {
            const status = await downloadFile(`${filesUrl}/${id}`, token, target);
            if (status !== 200) throw new Error(`download answered ${status}`);
          }),
        );
        rmSync(target);
      }
      const rate = (list: number[]) => size / MB / median(list);
      // Each run's own ratio (cp's time over the operation's, both in that run), then the median:
      // steadier than a ratio of medians when the shared machine's load moves between runs.
      const paired = (list: number[]) => median(list.map((t, i) => times.cp[i] / t));
      const pairedVsCp = {
        upload: paired(times.upload),
        uploadRaw: paired(times.uploadRaw),
        download: paired(times.download),
      };
      rows.push({
        size: label,
        runs,
        cp: rate(times.cp),
        cpSync: rate(times.cpSync),
        upload: rate(times.upload),
        uploadRaw: rate(times.uploadRaw),
        download: rate(times.download),
        pairedVsCp,
      });
      const r = rows.at(-1)!;
      const vs = (v: number) =>
        `${v.toFixed(0)} (${(v / r.cp).toFixed(2)}× cp, ${(v / r.cpSync).toFixed(2)}× cp+fsync)`;
      console.log(
        `${label} ×${runs} (median MB/s): cp ${r.cp.toFixed(0)}, cp+fsync ${r.cpSync.toFixed(0)}, upload multipart ${vs(r.upload)}, upload raw ${vs(r.uploadRaw)}, download ${r.download.toFixed(0)} (${(r.download / r.cp).toFixed(2)}× cp); median of each run's ratio to its cp: upload multipart ${pairedVsCp.upload.toFixed(2)}×, raw ${pairedVsCp.uploadRaw.toFixed(2)}×, download ${pairedVsCp.download.toFixed(2)}×`,
      );
    }

    // Memory: 20 files of 20 MB uploaded at once (multipart, then raw); RSS sampled every 20 ms.
    const big = join(work, 'source-20MB.pdf');
    const memory: Record<string, { baselineMiB: number; peakMiB: number; growthMiB: number; seconds: number }> = {};
    for (const [kind, send] of [
      ['multipart', uploadFile],
      ['raw', uploadRaw],
    ] as const) {
      await new Promise((r) => setTimeout(r, 1000));
      const baseline = rssOf(server.pid!);
      let peak = baseline;
      const sampler = setInterval(() => (peak = Math.max(peak, rssOf(server.pid!))), 20);
      const concurrentSeconds = await seconds(async () => {
        const answers = await Promise.all(Array.from({ length: 20 }, () => send(filesUrl, token, big, fields)));
        const failed = answers.filter((a) => a.status !== 201);
        if (failed.length) throw new Error(`${failed.length} concurrent uploads failed: ${failed[0].body}`);
      });
      clearInterval(sampler);
      const m = (memory[kind] = {
        baselineMiB: baseline / MB,
        peakMiB: peak / MB,
        growthMiB: (peak - baseline) / MB,
        seconds: concurrentSeconds,
      });
      console.log(
        `20 × 20 MB at once (${kind}): ${concurrentSeconds.toFixed(1)} s (${(400 / concurrentSeconds).toFixed(0)} MB/s in all); server RSS ${m.baselineMiB.toFixed(0)} MiB before, peak ${m.peakMiB.toFixed(0)} MiB, growth ${m.growthMiB.toFixed(1)} MiB (goal ≤ 50)`,
      );
    }
    const loadEnd = loadavg().map((l) => l.toFixed(2));
    console.log(`load average at end ${loadEnd.join(' ')}`);
    writeFileSync(
      join(root, 'bench/out/files.json'),
      JSON.stringify({ at: new Date().toISOString(), machine, load: { ...load, end: loadEnd }, rows, memory }, null, 2),
    );
  } finally {
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    await exited;
    rmSync(join(work, 'store'), { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
