import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';

/** A free TCP port on 127.0.0.1 (the OS picks it; we close and reuse it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what}: not ready after ${timeoutMs} ms`);
}

/** The newest installed PostgreSQL server binaries (Debian layout). */
function pgBin(tool: string): string {
  const base = '/usr/lib/postgresql';
  const version = readdirSync(base)
    .sort((a, b) => Number(b) - Number(a))
    .find((v) => existsSync(join(base, v, 'bin', tool)));
  if (!version) throw new Error(`No ${tool} under ${base}`);
  return join(base, version, 'bin', tool);
}

/**
 * A throwaway PostgreSQL cluster in a temp directory on a spare port: the chaos suite restarts
 * it, which it must never do to the shared server. initdb refuses root, so as root the cluster
 * belongs to the `postgres` OS user.
 */
export class OwnPostgres {
  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly asPostgres: boolean,
  ) {}

  static async start(): Promise<OwnPostgres> {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-chaos-pg-'));
    const asPostgres = process.getuid?.() === 0;
    if (asPostgres) execFileSync('chown', ['postgres:postgres', dir]);
    const pg = new OwnPostgres(dir, await freePort(), asPostgres);
    pg.run('initdb', ['-D', join(dir, 'data'), '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
    await pg.up();
    return pg;
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/motcua_chaos`;
  }

  private run(tool: string, args: string[]): void {
    const [cmd, argv] = this.asPostgres
      ? ['runuser', ['-u', 'postgres', '--', pgBin(tool), ...args]]
      : [pgBin(tool), args];
    execFileSync(cmd, argv, { stdio: 'pipe', cwd: this.dir });
  }

  async up(): Promise<void> {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c max_connections=200`;
    this.run('pg_ctl', ['-D', join(this.dir, 'data'), '-o', options, '-l', join(this.dir, 'log'), '-w', 'start']);
    await until('chaos postgres', async () => {
      const client = new Client({ connectionString: `postgres://postgres@127.0.0.1:${this.port}/postgres` });
      await client.connect();
      await client.end();
      return true;
    });
  }

  /** `pg_ctl restart -m fast`: every open connection is cut, as in a failover. */
  async restart(): Promise<void> {
    this.run('pg_ctl', ['-D', join(this.dir, 'data'), '-m', 'fast', '-w', 'stop']);
    await this.up();
  }

  /**
   * `pg_ctl stop -m immediate`, then start: no checkpoint, every backend dies at once as in a power
   * cut, and the start replays the WAL (crash recovery). True if the log says recovery ran.
   */
  async crash(): Promise<boolean> {
    this.run('pg_ctl', ['-D', join(this.dir, 'data'), '-m', 'immediate', '-w', 'stop']);
    await this.up();
    return readFileSync(join(this.dir, 'log'), 'utf8').includes('automatic recovery in progress');
  }

  stop(): void {
    try {
      this.run('pg_ctl', ['-D', join(this.dir, 'data'), '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}

/** A throwaway redis-server on a spare port, no persistence: FLUSHALL and restarts lose everything. */
export class OwnRedis {
  private process?: ChildProcess;

  private constructor(readonly port: number) {}

  static async start(): Promise<OwnRedis> {
    const redis = new OwnRedis(await freePort());
    await redis.up();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}/0`;
  }

  async up(): Promise<void> {
    this.process = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    await until('chaos redis', async () => (await this.command((r) => r.ping())) === 'PONG');
  }

  async command<T>(work: (redis: Redis) => Promise<T>): Promise<T> {
    const redis = new Redis({ port: this.port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0 });
    try {
      await redis.connect();
      return await work(redis);
    } finally {
      redis.disconnect();
    }
  }

  flushAll(): Promise<string> {
    return this.command((r) => r.flushall());
  }

  /** Kill and start again on the same port: the data is gone, clients must reconnect. */
  async restart(): Promise<void> {
    await this.kill();
    await this.up();
  }

  async kill(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }
}

/**
 * A Redis Sentinel set on spare ports (issue 20): a master, one replica of it, and one sentinel
 * watching the master as `name` (quorum 1, down after 1 s), none persistent. `killMaster` is a
 * SIGKILL; the sentinel then promotes the replica.
 */
export class OwnSentinelSet {
  private readonly processes: ChildProcess[] = [];
  readonly dir = mkdtempSync(join(tmpdir(), 'motcua-sentinel-'));
  masterPort = 0;
  replicaPort = 0;
  sentinelPort = 0;

  constructor(readonly name = 'motcua') {}

  static async start(name?: string): Promise<OwnSentinelSet> {
    const set = new OwnSentinelSet(name);
    [set.masterPort, set.replicaPort, set.sentinelPort] = [await freePort(), await freePort(), await freePort()];
    const common = ['--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
    set.spawn(['--port', String(set.masterPort), ...common]);
    set.spawn(['--port', String(set.replicaPort), ...common, '--replicaof', '127.0.0.1', String(set.masterPort)]);
    // The sentinel learns the replica from the master's INFO when it starts: start it once the replica is in sync.
    await until('redis replica in sync', async () =>
      (await set.command(set.replicaPort, (r) => r.info('replication'))).includes('master_link_status:up'),
    );
    const conf = join(set.dir, 'sentinel.conf');
    writeFileSync(
      conf,
      [
        `port ${set.sentinelPort}`,
        'bind 127.0.0.1',
        `dir ${set.dir}`,
        `sentinel monitor ${set.name} 127.0.0.1 ${set.masterPort} 1`,
        `sentinel down-after-milliseconds ${set.name} 1000`,
        `sentinel failover-timeout ${set.name} 5000`,
        `sentinel parallel-syncs ${set.name} 1`,
      ].join('\n') + '\n',
    );
    set.spawn([conf, '--sentinel']);
    await until('sentinel knows the replica', async () => {
      const replicas = (await set.command(set.sentinelPort, (r) =>
        r.call('SENTINEL', 'REPLICAS', set.name),
      )) as string[][];
      return replicas.some((fields) => fields.includes(String(set.replicaPort)));
    });
    return set;
  }

  /** `REDIS_SENTINELS` for the app. */
  get sentinels(): string {
    return `127.0.0.1:${this.sentinelPort}`;
  }

  /** The master's port as the sentinel reports it now. */
  async masterAddress(): Promise<number> {
    const [, port] = (await this.command(this.sentinelPort, (r) =>
      r.call('SENTINEL', 'GET-MASTER-ADDR-BY-NAME', this.name),
    )) as string[];
    return Number(port);
  }

  /** SIGKILL to the master (no shutdown, no last write). */
  async killMaster(): Promise<void> {
    const master = this.processes[0];
    await new Promise<void>((resolve) => {
      master.once('exit', () => resolve());
      master.kill('SIGKILL');
    });
  }

  async command<T>(port: number, work: (redis: Redis) => Promise<T>): Promise<T> {
    const redis = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0 });
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      return await work(redis);
    } finally {
      redis.disconnect();
    }
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.processes
        .filter((p) => p.exitCode === null && p.signalCode === null)
        .map(
          (p) =>
            new Promise<void>((resolve) => {
              p.once('exit', () => resolve());
              p.kill('SIGKILL');
            }),
        ),
    );
    rmSync(this.dir, { recursive: true, force: true });
  }

  private spawn(args: string[]): void {
    this.processes.push(spawn('redis-server', args, { stdio: 'ignore', cwd: this.dir }));
  }
}
