import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort, OwnPostgres, OwnRedis } from './own-services';

/**
 * `npm run start:cluster` (scripts/cluster.js, issue 9 item 2): two servers sharing one port and
 * a worker on the suite's own Postgres and Redis; a server killed with SIGKILL is replaced while
 * the other keeps answering; SIGTERM stops every process and the primary exits 0.
 */
const root = join(__dirname, '..', '..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Child processes of `pid`, with their command lines. */
function children(pid: number): { pid: number; args: string }[] {
  try {
    return execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [p, ...rest] = line.trim().split(/\s+/);
        return { pid: Number(p), args: rest.join(' ') };
      });
  } catch {
    return [];
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(250);
  }
  throw new Error(`${what} not reached in ${timeoutMs} ms`);
}

describe('start:cluster', () => {
  let pg: OwnPostgres;
  let redis: OwnRedis;
  let primary: ChildProcess;
  let url: string;

  beforeAll(async () => {
    [pg, redis] = await Promise.all([OwnPostgres.start(), OwnRedis.start()]);
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    primary = spawn(process.execPath, [join(root, 'scripts/cluster.js'), '--servers', '2', '--workers', '1'], {
      cwd: root,
      stdio: 'ignore',
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: pg.url,
        REDIS_URL: redis.url,
        JWT_SECRET: 'cluster-secret',
        QUEUE_PREFIX: 'cluster',
        LOG_LEVEL: 'warn',
        WORKER_PORT: '0',
        DB_CREATE: 'true',
      },
    });
  }, 120_000);

  afterAll(async () => {
    if (primary && primary.exitCode === null) primary.kill('SIGKILL');
    for (const child of primary?.pid ? children(primary.pid) : []) process.kill(child.pid, 'SIGKILL');
    await redis?.kill();
    pg?.stop();
  });

  const health = () =>
    fetch(`${url}/health`, { signal: AbortSignal.timeout(5000) }).then(
      (r) => r.status,
      () => 0,
    );

  it('serves with two servers and a worker, replaces a killed server, and stops gracefully', async () => {
    // given the cluster up: /health answers and the primary has three children
    await until('cluster ready', async () => children(primary.pid!).length === 3 && (await health()) === 200);
    const servers = children(primary.pid!).filter((c) => c.args.includes('cluster.js'));
    expect(servers).toHaveLength(2);
    expect(children(primary.pid!).filter((c) => c.args.includes('apps/worker'))).toHaveLength(1);

    // when one server is killed with SIGKILL (a connection handed to it at that instant is lost:
    // docs/operations.md), once the primary has seen it die
    process.kill(servers[0].pid, 'SIGKILL');
    await until('death noticed', () => !children(primary.pid!).some((c) => c.pid === servers[0].pid));
    const during: number[] = [];
    for (let i = 0; i < 40; i++) during.push(await health());
    // then the other keeps answering every request, and a new server takes the dead one's place
    expect(during.filter((status) => status !== 200)).toEqual([]);
    await until('server replaced', () => {
      const now = children(primary.pid!)
        .filter((c) => c.args.includes('cluster.js'))
        .map((c) => c.pid);
      return now.length === 2 && !now.includes(servers[0].pid);
    });
    await until('replacement serving', async () => (await health()) === 200);

    // when the cluster gets SIGTERM
    const everyone = children(primary.pid!).map((c) => c.pid);
    const exited = new Promise<number | null>((resolve) => primary.once('exit', (code) => resolve(code)));
    primary.kill('SIGTERM');
    // then the primary exits 0 once every process has stopped
    expect(await exited).toBe(0);
    expect(everyone.filter(alive)).toEqual([]);
  }, 240_000);
});
