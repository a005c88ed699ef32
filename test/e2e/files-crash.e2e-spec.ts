import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { AppProcess } from '../chaos/app-processes';
import { freePort } from '../chaos/own-services';
import { startTestServer } from '../support/test-app';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from '../support/test-env';
import { eventually } from './workflow.helpers';
import { login, receiveDossier, sha256, slowUpload } from './files.support';

jest.setTimeout(240_000);

const MAIN = join(__dirname, '..', '..', 'dist', 'apps', 'server', 'src', 'main.js');
const MB = 1024 * 1024;

/**
 * Feature: a server killed with `kill -9` in the middle of uploads leaves, once a server has
 * started again, no row without its blob and no blob without its row (issue 16, ADR 0009). The
 * built server runs as a child process, as in production.
 */
describe('files after kill -9 during uploads (e2e, built server)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-files-crash-'));
  const db = new Client({ connectionString: TEST_DATABASE_URL });
  let server: AppProcess | undefined;
  let token: string;
  let code: string;

  const spawnServer = async (name: string) => {
    const port = await freePort();
    const env = {
      DATABASE_URL: TEST_DATABASE_URL,
      REDIS_URL: TEST_REDIS_URL,
      SEED_DEMO: 'false',
      FILES_DRIVER: 'local',
      FILES_DIR: dir,
      // Uploads in flight for more than a second are dead: the restarted server sweeps them at start.
      FILES_STALE_AFTER_MS: '1000',
      QUEUE_PREFIX: `files-crash-${process.pid}`,
      LOG_LEVEL: 'warn',
    };
    const child = new AppProcess(name, 'server', env, join(dir, `${name}.log`), port);
    await child.start();
    return child;
  };

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error(`build the server first (npm run build:server): ${MAIN} is missing`);
    // Seed the province and receive a dossier in-process, then hand the database to the child.
    const setup = await startTestServer({ runWorkers: false });
    try {
      token = await login(setup, 'reception');
      code = (await receiveDossier(setup, token)).code;
    } finally {
      await setup.close();
    }
    await db.connect();
  });
  afterAll(async () => {
    await server?.stop();
    await db.end();
    rmSync(dir, { recursive: true, force: true });
  });

  const rows = async () =>
    (
      await db.query<{ id: string; storage_key: string; size: string; sha256: string }>(
        `SELECT id, storage_key, size, sha256 FROM dossier_files WHERE dossier_code = $1`,
        [code],
      )
    ).rows;
  const blobs = () => {
    const root = join(dir, 'objects');
    return readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name).slice(root.length + 1));
  };
  const partials = () => readdirSync(join(dir, 'tmp'));
  const inFlight = async () =>
    Number((await db.query(`SELECT count(*)::int AS n FROM file_uploads WHERE dossier_code = $1`, [code])).rows[0].n);

  it('sweeps what the killed uploads left and keeps every committed file whole', async () => {
    // given a server taking two quick uploads and four slow ones (3 MB at 256 KB per 50 ms)
    server = await spawnServer('first');
    const quick = [randomBytes(300_000), randomBytes(500_000)].map((b) =>
      Buffer.concat([Buffer.from('%PDF-1.7\n'), b]),
    );
    for (const bytes of quick) expect(await slowUpload(server.url, code, token, bytes, 64 * 1024, 0).answer).toBe(201);
    const slow = Array.from({ length: 4 }, () => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(3 * MB)]));
    const uploads = slow.map((bytes) => slowUpload(server!.url, code, token, bytes, 256 * 1024, 50));

    // when the server is killed with -9 while the slow uploads are being written
    await eventually(async () => partials().length >= 2 && (await inFlight()) >= 2, 30_000, 20);
    await server.kill9();
    const answers = await Promise.all(uploads.map((u) => u.answer));
    // then the clients saw the connection die, and the crash left partial writes and uploads in flight
    expect(answers.every((a) => a !== 201)).toBe(true);
    expect(partials().length).toBeGreaterThanOrEqual(1);
    expect(await inFlight()).toBeGreaterThanOrEqual(2);
    // and, as if the process had died between storing a blob and committing its row, an orphan blob with its upload row
    const orphan = randomUUID();
    const orphanKey = `${orphan.slice(0, 2)}/${orphan}`;
    mkdirSync(join(dir, 'objects', orphan.slice(0, 2)), { recursive: true });
    writeFileSync(join(dir, 'objects', orphanKey), '%PDF-1.7 orphan');
    await db.query(`INSERT INTO file_uploads (id, storage_key, dossier_code) VALUES ($1, $2, $3)`, [
      orphan,
      orphanKey,
      code,
    ]);
    await new Promise((resolve) => setTimeout(resolve, 1500));

    // when a server starts again
    server = await spawnServer('second');

    // then nothing is in flight, no partial write is left, and rows and blobs are the same set
    await eventually(async () => (await inFlight()) === 0 && partials().length === 0, 30_000, 100);
    const committed = await rows();
    expect(blobs().sort()).toEqual(committed.map((r) => r.storage_key).sort());
    expect(blobs()).not.toContain(orphanKey);
    // and every committed file is whole: its size and hash are those of its blob
    for (const row of committed) {
      const bytes = readFileSync(join(dir, 'objects', row.storage_key));
      expect({ size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }).toEqual({
        size: Number(row.size),
        sha256: row.sha256,
      });
    }
    expect(committed.map((r) => r.sha256)).toEqual(expect.arrayContaining(quick.map(sha256)));
    // and the restarted server takes uploads again
    expect(await slowUpload(server.url, code, token, quick[0], 64 * 1024, 0).answer).toBe(201);
    expect(server.unexpectedExits).toEqual([]);
  });
});
