/**
 * `node dist/bench/size-profile.js [health|lookup|inbox ...]`: where one server process spends a
 * request on the province-size database. For each target: the SQL statements one request sends
 * (a server with `DB_LOGGING=true`, its query lines counted), then autocannon against a server
 * started with `--cpu-prof` (the .cpuprofile lands in bench/out/profiles/, open it in Chrome
 * DevTools or read it with `node dist/bench/size-profile.js --top <file>`). `--measure`: the HTTP
 * figures of `npm run bench:size` alone, to compare a change quickly.
 */
import 'reflect-metadata';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { hammer, timed } from './size-http';
import { busiestInboxes, INBOX_PATHS, lookupPaths } from './size-measures';
import { cpuMs, startServer } from './size-server';

const root = join(__dirname, '..', '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/motcua_bench';

type Target = 'health' | 'lookup' | 'inbox';
interface Workload {
  paths: string[];
  tokens: string[];
}

/** Request paths (and bearer tokens) of one target, drawn from the generated data. */
async function workload(target: Target, serverUrl: string): Promise<Workload> {
  if (target === 'health') return { paths: ['/health'], tokens: [] };
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    if (target === 'lookup') return { paths: await lookupPaths(db), tokens: [] };
    return { paths: INBOX_PATHS, tokens: (await busiestInboxes(serverUrl, db)).tokens };
  } finally {
    await db.end();
  }
}

/** The HTTP figures of `npm run bench:size` alone (no migrations, reports or plans): lookup beside /health, inbox latency. */
async function measure(): Promise<void> {
  const db = new Client({ connectionString: url });
  await db.connect();
  const server = await startServer(url);
  try {
    const before = loadavg()[0].toFixed(1);
    const options = { seconds: SECONDS, connections: CONNECTIONS };
    const lookups = await lookupPaths(db);
    await hammer(server.url, lookups, { ...options, seconds: 3 }); // warm-up
    const cpu = [cpuMs(server.pid)];
    const health = await hammer(server.url, ['/health'], options);
    cpu.push(cpuMs(server.pid));
    const lookup = await hammer(server.url, lookups, options);
    cpu.push(cpuMs(server.pid));
    const { tokens } = await busiestInboxes(server.url, db);
    const requests = tokens.flatMap((token) => INBOX_PATHS.map((path) => ({ path, token })));
    await timed(server.url, requests, { count: 60, concurrency: 2 }); // warm-up
    cpu.push(cpuMs(server.pid));
    const inbox = await timed(server.url, requests, { count: 600, concurrency: 4 });
    cpu.push(cpuMs(server.pid));
    const per = (i: number, n: number) => ((cpu[i + 1] - cpu[i]) / n).toFixed(2);
    console.log(
      `load ${before} → ${loadavg()[0].toFixed(1)}; /health ${health.perSecond}/s p99 ${health.p99Ms} ms; lookup ${lookup.perSecond}/s p50 ${lookup.p50Ms} ms p99 ${lookup.p99Ms} ms (${(lookup.perSecond / health.perSecond).toFixed(2)} of /health, non-2xx ${lookup.non2xx}); inbox p50 ${inbox.p50Ms} ms p95 ${inbox.p95Ms} ms p99 ${inbox.p99Ms} ms`,
    );
    console.log(
      `  server CPU per request: /health ${per(0, health.total)} ms, lookup ${per(1, lookup.total)} ms, inbox ${per(3, 600)} ms`,
    );
  } finally {
    await server.stop();
    await db.end();
  }
}

/** A `Database` debug line of the server's JSON log: the statement, or undefined. */
function statementOf(line: string): string | undefined {
  try {
    const entry = JSON.parse(line) as { context?: string; msg?: string };
    return entry.context === 'Database' ? entry.msg?.slice(0, 160) : undefined;
  } catch {
    return undefined;
  }
}

/** Statements one request sends: the query lines a `DB_LOGGING=true` server logs while answering it. */
async function statementsPerRequest(target: Target): Promise<string[]> {
  const lines: string[] = [];
  const server = await startServer(
    url,
    { DB_LOGGING: 'true', LOG_LEVEL: 'debug' },
    { onStdout: (line) => lines.push(line) },
  );
  try {
    const { paths, tokens } = await workload(target, server.url);
    const headers = tokens.length ? { authorization: `Bearer ${tokens[0]}` } : undefined;
    await fetch(`${server.url}${paths[0]}`, { headers }).then((r) => r.arrayBuffer()); // first request: lazy setup
    await new Promise((r) => setTimeout(r, 300));
    lines.length = 0;
    await fetch(`${server.url}${paths[0]}`, { headers }).then((r) => r.arrayBuffer());
    await new Promise((r) => setTimeout(r, 300));
    return lines.map(statementOf).filter((sql): sql is string => sql !== undefined);
  } finally {
    await server.stop();
  }
}

async function profile(target: Target): Promise<void> {
  const statements = await statementsPerRequest(target);
  console.log(
    `${target}: ${statements.length} statement(s) per request${statements.map((sql) => `\n  ${sql}`).join('')}`,
  );
  const dir = join(root, 'bench/out/profiles');
  mkdirSync(dir, { recursive: true });
  const server = await startServer(
    url,
    {},
    { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${target}-${Date.now()}.cpuprofile`] },
  );
  try {
    const { paths, tokens } = await workload(target, server.url);
    await hammer(server.url, paths, { seconds: 3, connections: CONNECTIONS, tokens });
    const load = loadavg()[0].toFixed(1);
    const rate = await hammer(server.url, paths, { seconds: SECONDS, connections: CONNECTIONS, tokens });
    console.log(
      `${target}: ${rate.perSecond}/s p50 ${rate.p50Ms} ms p99 ${rate.p99Ms} ms non-2xx ${rate.non2xx} (load ${load})`,
    );
  } finally {
    await server.stop();
  }
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** Self time by function and by package of a .cpuprofile: the top lines. */
function top(file: string, lines = 40): void {
  const profileData = JSON.parse(readFileSync(file, 'utf8')) as {
    nodes: ProfileNode[];
    samples: number[];
    timeDeltas: number[];
  };
  const byId = new Map(profileData.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profileData.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profileData.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const fns = new Map<string, number>();
  const pkgs = new Map<string, number>();
  for (const [id, us] of self) {
    const { functionName, url: src, lineNumber } = byId.get(id)!.callFrame;
    const where = src.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/dist\//, 'dist/');
    fns.set(
      `${functionName || '(anon)'} ${where}:${lineNumber + 1}`,
      (fns.get(`${functionName || '(anon)'} ${where}:${lineNumber + 1}`) ?? 0) + us,
    );
    const pkg =
      /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(src)?.[1] ??
      (src.includes('/dist/')
        ? 'motcua'
        : src.startsWith('node:')
          ? 'node'
          : functionName.startsWith('(')
            ? functionName
            : 'other');
    pkgs.set(pkg, (pkgs.get(pkg) ?? 0) + us);
  }
  const show = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`)
      .join('\n');
  console.log(
    `${file}: ${(total / 1e6).toFixed(1)} s sampled\nby package:\n${show(pkgs, 20)}\nby function (self):\n${show(fns, lines)}`,
  );
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--top') return top(args[1] ?? latest(), Number(args[2] ?? 40));
  if (args[0] === '--measure') return measure();
  const targets = (args.length ? args : ['health', 'lookup', 'inbox']) as Target[];
  for (const target of targets) await profile(target);
}

function latest(): string {
  const dir = join(root, 'bench/out/profiles');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => join(dir, f));
  return files.sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs).pop()!;
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
