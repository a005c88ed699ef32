import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { S3FileStorage } from '../../libs/files/src';
import { startTestServer, type TestServer } from '../support/test-app';
import { binary, login, receiveDossier, samples, sha256 } from './files.support';

// s3rver ships no typings; the part of its API the test uses.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver') as new (options: Record<string, unknown>) => {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
};

jest.setTimeout(120_000);

const MB = 1024 * 1024;
const BUCKET = 'motcua-files';

/**
 * Feature: the S3-compatible driver (issue 16), against s3rver started here on a free port: small
 * files in one PutObject, large ones in a multipart upload, a failed stream leaves no object, and
 * the whole HTTP upload and download work with FILES_DRIVER=s3.
 */
describe('files on an S3-compatible store (e2e, s3rver)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-s3rver-'));
  let s3: { run(): Promise<{ port: number }>; close(): Promise<void> };
  let storage: S3FileStorage;
  const env: Record<string, string> = {};

  beforeAll(async () => {
    s3 = new S3rver({
      port: 0,
      address: '127.0.0.1',
      silent: true,
      directory: dir,
      configureBuckets: [{ name: BUCKET }],
    });
    const { port } = await s3.run();
    Object.assign(env, {
      FILES_DRIVER: 's3',
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_BUCKET: BUCKET,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
    });
    storage = new S3FileStorage({
      endpoint: env.S3_ENDPOINT,
      bucket: BUCKET,
      region: 'us-east-1',
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
    });
  });
  afterAll(async () => {
    storage?.client.destroy();
    await s3?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['a small file (one PutObject)', 200_000],
    ['a 12 MB file (multipart: three parts)', 12 * MB],
  ])('stores %s streamed, measures it, and reads back the same bytes', async (_name, size) => {
    // given bytes arriving as a stream of 64 KB chunks
    const bytes = samples.pdf(size);
    const key = `test/${size}`;
    // when they are put
    const stored = await storage.put(key, Readable.from(chunks(bytes, 64 * 1024)));
    // then size and hash are measured, and the object holds exactly those bytes
    expect(stored).toEqual({ size, sha256: sha256(bytes) });
    expect(await storage.exists(key)).toBe(true);
    expect(sha256(await buffer(await storage.get(key)))).toBe(sha256(bytes));
    // and deleting (orphan cleanup) removes it
    await storage.delete(key);
    expect(await storage.exists(key)).toBe(false);
    await expect(storage.get(key)).rejects.toMatchObject({ code: 'FILE_BLOB_MISSING' });
  });

  it('leaves no object when the stream fails half-way, small or multipart', async () => {
    for (const [key, size] of [
      ['test/failing-small', 1 * MB],
      ['test/failing-large', 11 * MB],
    ] as const) {
      const failing = Readable.from(
        (async function* () {
          yield* chunks(samples.pdf(size), 256 * 1024);
          throw new Error('client went away');
        })(),
      );
      await expect(storage.put(key, failing)).rejects.toThrow('client went away');
      expect(await storage.exists(key)).toBe(false);
    }
    // and the sweep of incomplete writes answers even where the store cannot list them
    await expect(storage.sweepIncomplete(new Date())).resolves.toBe(0);
  });

  describe('the HTTP API with FILES_DRIVER=s3', () => {
    let server: TestServer;
    const saved: Record<string, string | undefined> = {};

    beforeAll(async () => {
      for (const [name, value] of Object.entries(env)) {
        saved[name] = process.env[name];
        process.env[name] = value;
      }
      server = await startTestServer({ runWorkers: false });
    });
    afterAll(async () => {
      await server?.close();
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    });

    it('uploads a 20 MB file (the limit) and a JPEG in one request and downloads them as sent', async () => {
      const token = await login(server, 'reception');
      const { code } = await receiveDossier(server, token);
      const files = [samples.pdf(20 * MB), samples.jpeg(300_000)];
      const res = await request(server.url)
        .post(`/api/dossiers/${code}/files`)
        .set('Authorization', `Bearer ${token}`)
        .field('kind', 'document')
        .field('documentKey', 'giay-de-nghi')
        .attach('file', files[0], { filename: 'ho-so.pdf' })
        .attach('file', files[1], { filename: 'anh.jpg' })
        .expect(201);
      expect(res.body.items.map((f: { sha256: string; contentType: string }) => [f.contentType, f.sha256])).toEqual([
        ['application/pdf', sha256(files[0])],
        ['image/jpeg', sha256(files[1])],
      ]);
      for (const [i, file] of res.body.items.entries()) {
        const download = await request(server.url)
          .get(`/api/dossiers/${code}/files/${file.id}`)
          .set('Authorization', `Bearer ${token}`)
          .buffer(true)
          .parse(binary)
          .expect(200);
        expect(sha256(download.body)).toBe(sha256(files[i]));
      }
      // and a refused file leaves no object behind
      const refused = await request(server.url)
        .post(`/api/dossiers/${code}/files`)
        .set('Authorization', `Bearer ${token}`)
        .field('kind', 'result')
        .attach('file', samples.pdf(21 * MB), { filename: 'lon.pdf' });
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 413, code: 'FILE_TOO_LARGE' });
      const [{ n }] = await server.app
        .get(DataSource)
        .query(`SELECT count(*)::int AS n FROM file_uploads WHERE dossier_code = $1`, [code]);
      expect(n).toBe(0);
    });
  });
});

function* chunks(bytes: Buffer, size: number): Generator<Buffer> {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}
