import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { LocalFileStorage } from '../../libs/files/src';
import { FILE_STORAGE } from '../../libs/files/src/storage/file-storage';
import { startTestServer, type TestServer } from '../support/test-app';
import { binary, login, receiveDossier, samples, sha256 } from './files.support';

const MB = 1024 * 1024;

jest.setTimeout(180_000);

/**
 * Feature: uploads honour `Idempotency-Key` (a retried upload is answered, not stored again) and a
 * file may be sent as the raw request body (`X-File-Name`, fields in the query), skipping multipart.
 */
describe('dossier files: idempotent and raw uploads (e2e)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-files-idem-'));
  let server: TestServer;
  let db: DataSource;
  let reception: string;
  const ours: string[] = [];
  const receive = async () => {
    const received = await receiveDossier(server, reception);
    ours.push(received.code);
    return received;
  };

  beforeAll(async () => {
    process.env.FILES_DIR = dir;
    process.env.FILES_DRIVER = 'local';
    server = await startTestServer();
    db = server.app.get(DataSource);
    reception = await login(server, 'reception');
  });
  afterAll(async () => {
    await server?.close();
    delete process.env.FILES_DIR;
    rmSync(dir, { recursive: true, force: true });
  });

  const multipart = (code: string, key?: string) => {
    const req = request(server.url).post(`/api/dossiers/${code}/files`).set('Authorization', `Bearer ${reception}`);
    if (key) req.set('Idempotency-Key', key);
    return req.field('kind', 'document').field('documentKey', 'giay-de-nghi');
  };
  const raw = (
    code: string,
    bytes: Buffer,
    name: string,
    key?: string,
    query = 'kind=document&documentKey=giay-de-nghi',
  ) => {
    const req = request(server.url)
      .post(`/api/dossiers/${code}/files?${query}`)
      .set('Authorization', `Bearer ${reception}`)
      .set('Content-Type', 'application/octet-stream')
      .set('X-File-Name', encodeURIComponent(name));
    if (key) req.set('Idempotency-Key', key);
    return req.send(bytes);
  };
  const rowsOf = async (code: string) =>
    (await db.query(`SELECT id, sha256 FROM dossier_files WHERE dossier_code = $1 ORDER BY uploaded_at, id`, [
      code,
    ])) as { id: string; sha256: string }[];
  const storage = () => server.app.get<LocalFileStorage>(FILE_STORAGE);

  /** Rows and blobs agree for this suite's dossiers, nothing is in flight and no partial write is left. */
  async function expectConsistent(): Promise<void> {
    const rows: { storage_key: string }[] = await db.query(
      `SELECT storage_key FROM dossier_files WHERE dossier_code = ANY($1)`,
      [ours],
    );
    expect((await storage().keys()).sort()).toEqual(rows.map((r) => r.storage_key).sort());
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM file_uploads WHERE dossier_code = ANY($1)`, [ours]);
    expect(n).toBe(0);
    expect(await storage().sweepIncomplete(new Date(Date.now() + 60_000))).toBe(0);
  }

  describe('Idempotency-Key', () => {
    it('answers a retried multipart upload with the first answer (same file id) and stores it once', async () => {
      // given a dossier and a scan uploaded under a key
      const { code } = await receive();
      const bytes = samples.pdf(200_000);
      const key = `upload-${Date.now()}-a`;
      const first = await multipart(code, key).attach('file', bytes, { filename: 'Giấy đề nghị.pdf' });
      expect(first.status).toBe(201);
      // when the client, having lost the answer, sends the same upload with the same key
      const retry = await multipart(code, key).attach('file', bytes, { filename: 'Giấy đề nghị.pdf' });
      // then it gets the first answer again, marked as replayed
      expect(retry.status).toBe(201);
      expect(retry.headers['idempotency-replayed']).toBe('true');
      expect(retry.body).toEqual(first.body);
      // and the dossier has one file, one blob
      expect(await rowsOf(code)).toEqual([{ id: first.body.items[0].id, sha256: sha256(bytes) }]);
      await expectConsistent();
    });

    it('refuses the same key with another file, or for another dossier (409 IDEMPOTENCY_KEY_REUSED), storing nothing', async () => {
      const { code } = await receive();
      const other = await receive();
      const key = `upload-${Date.now()}-b`;
      const first = await multipart(code, key).attach('file', samples.pdf(50_000), { filename: 'a.pdf' }).expect(201);
      // when another file is sent under the same key
      const changed = await multipart(code, key).attach('file', samples.pdf(50_000), { filename: 'a.pdf' });
      expect({ status: changed.status, code: changed.body.code }).toEqual({
        status: 409,
        code: 'IDEMPOTENCY_KEY_REUSED',
      });
      // or the same request to another dossier
      const elsewhere = await multipart(other.code, key).attach('file', samples.pdf(50_000), { filename: 'a.pdf' });
      expect({ status: elsewhere.status, code: elsewhere.body.code }).toEqual({
        status: 409,
        code: 'IDEMPOTENCY_KEY_REUSED',
      });
      // then only the first file is stored
      expect((await rowsOf(code)).map((r) => r.id)).toEqual([first.body.items[0].id]);
      expect(await rowsOf(other.code)).toEqual([]);
      await expectConsistent();
    });

    it('leaves the key free after a refused upload, so the corrected retry is stored', async () => {
      const { code } = await receive();
      const key = `upload-${Date.now()}-c`;
      const refused = await multipart(code, key).attach('file', samples.exe(), { filename: 'a.pdf' });
      expect({ status: refused.status, code: refused.body.code }).toEqual({
        status: 400,
        code: 'FILE_TYPE_NOT_ALLOWED',
      });
      const bytes = samples.png(30_000);
      const stored = await multipart(code, key).attach('file', bytes, { filename: 'a.png' });
      expect(stored.status).toBe(201);
      expect(stored.headers['idempotency-replayed']).toBeUndefined();
      expect(await rowsOf(code)).toEqual([{ id: stored.body.items[0].id, sha256: sha256(bytes) }]);
      await expectConsistent();
    });

    it('answers a retried raw upload with the first answer, and refuses another body under its key', async () => {
      const { code } = await receive();
      const bytes = samples.jpeg(300_000);
      const key = `upload-${Date.now()}-d`;
      const first = await raw(code, bytes, 'ảnh chụp.jpg', key);
      expect(first.status).toBe(201);
      const retry = await raw(code, bytes, 'ảnh chụp.jpg', key);
      expect(retry.status).toBe(201);
      expect(retry.headers['idempotency-replayed']).toBe('true');
      expect(retry.body).toEqual(first.body);
      const changed = await raw(code, samples.jpeg(300_000), 'ảnh chụp.jpg', key);
      expect({ status: changed.status, code: changed.body.code }).toEqual({
        status: 409,
        code: 'IDEMPOTENCY_KEY_REUSED',
      });
      expect(await rowsOf(code)).toEqual([{ id: first.body.items[0].id, sha256: sha256(bytes) }]);
      await expectConsistent();
    });
  });

  describe('raw upload (the file as the request body)', () => {
    it('stores the body as one file, named by X-File-Name, typed by content, and downloads the same bytes', async () => {
      const { code } = await receive();
      const bytes = samples.pdf(2 * MB);
      const res = await raw(code, bytes, '../Tờ khai.pdf');
      expect(res.status).toBe(201);
      expect(res.body.items).toEqual([
        expect.objectContaining({
          dossierCode: code,
          kind: 'document',
          documentKey: 'giay-de-nghi',
          taskId: null,
          fileName: 'Tờ khai.pdf',
          contentType: 'application/pdf',
          size: bytes.length,
          sha256: sha256(bytes),
        }),
      ]);
      const download = await request(server.url)
        .get(`/api/dossiers/${code}/files/${res.body.items[0].id}`)
        .set('Authorization', `Bearer ${reception}`)
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(download.headers['content-length']).toBe(String(bytes.length));
      expect(sha256(download.body)).toBe(sha256(bytes));
      await expectConsistent();
    });

    it.each([
      ['an executable', () => samples.exe(), 'a.pdf', undefined, 400, 'FILE_TYPE_NOT_ALLOWED'],
      ['an empty body', () => Buffer.alloc(0), 'a.pdf', undefined, 400, 'FILE_EMPTY'],
      ['a 25 MB body', () => samples.pdf(25 * MB), 'a.pdf', undefined, 413, 'FILE_TOO_LARGE'],
      ['no kind in the query', () => samples.pdf(), 'a.pdf', 'documentKey=giay-de-nghi', 400, 'FILE_KIND_INVALID'],
      ['a name of only dots', () => samples.pdf(), '..', undefined, 400, 'FILE_NAME_INVALID'],
    ])('refuses %s with a stable code and stores nothing', async (_name, bytes, name, query, status, errorCode) => {
      const { code } = await receive();
      const res = await raw(code, bytes(), name, undefined, query);
      expect({ status: res.status, code: res.body.code }).toEqual({ status, code: errorCode });
      expect(await rowsOf(code)).toEqual([]);
      await expectConsistent();
    });

    it('refuses a malformed X-File-Name (400 FILE_NAME_INVALID) and a type that is neither a file nor multipart (415)', async () => {
      const { code } = await receive();
      const bad = await request(server.url)
        .post(`/api/dossiers/${code}/files?kind=document&documentKey=giay-de-nghi`)
        .set('Authorization', `Bearer ${reception}`)
        .set('Content-Type', 'application/pdf')
        .set('X-File-Name', '%E0%A4%A')
        .send(samples.pdf());
      expect({ status: bad.status, code: bad.body.code }).toEqual({ status: 400, code: 'FILE_NAME_INVALID' });
      const text = await request(server.url)
        .post(`/api/dossiers/${code}/files?kind=document&documentKey=giay-de-nghi`)
        .set('Authorization', `Bearer ${reception}`)
        .set('Content-Type', 'text/plain')
        .send('%PDF-1.7 not really');
      expect({ status: text.status, code: text.body.code }).toEqual({ status: 415, code: 'UPLOAD_NOT_MULTIPART' });
      expect(await rowsOf(code)).toEqual([]);
      await expectConsistent();
    });
  });
});
