import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { LocalFileStorage } from '../../libs/files/src';
import { FILE_STORAGE } from '../../libs/files/src/storage/file-storage';
import { startTestServer, type TestServer } from '../support/test-app';
import { binary, login, receiveDossier, samples, sha256 } from './files.support';

jest.setTimeout(180_000);

/**
 * Feature: documents as files (issue 16). Uploads are streamed, typed by content and limited in
 * size; every refused upload answers a 4xx with a stable code and leaves no row and no blob.
 */
describe('dossier files (e2e)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-files-'));
  let server: TestServer;
  let db: DataSource;
  let reception: string;
  let otherUnit: string;
  let dossier: { code: string; lookupKey: string };

  beforeAll(async () => {
    process.env.FILES_DIR = dir;
    process.env.FILES_DRIVER = 'local';
    server = await startTestServer();
    db = server.app.get(DataSource);
    [reception, otherUnit] = await Promise.all([login(server, 'reception'), login(server, 'reception.tanloi')]);
    dossier = await receiveDossier(server, reception);
  });
  afterAll(async () => {
    await server?.close();
    delete process.env.FILES_DIR;
    rmSync(dir, { recursive: true, force: true });
  });

  const upload = (code: string, token = reception) => request(server.url).post(`/api/dossiers/${code}/files`).set('Authorization', `Bearer ${token}`);
  const storage = () => server.app.get<LocalFileStorage>(FILE_STORAGE);

  /** Rows and blobs agree: every row has its blob with its size, every blob has its row, nothing in flight. */
  async function expectConsistent(): Promise<void> {
    const rows: { storage_key: string; size: string }[] = await db.query(`SELECT storage_key, size FROM dossier_files`);
    const keys = await storage().keys();
    expect(keys.sort()).toEqual(rows.map((r) => r.storage_key).sort());
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM file_uploads`);
    expect(n).toBe(0);
  }

  it('stores a PDF for a listed document, lists it and downloads the same bytes under its UTF-8 name', async () => {
    // given a scanned application form
    const bytes = samples.pdf(300_000);
    // when the desk uploads it for the document "giay-de-nghi"
    const res = await upload(dossier.code).field('kind', 'document').field('documentKey', 'giay-de-nghi').attach('file', bytes, { filename: 'Giấy đề nghị.pdf', contentType: 'application/pdf' });
    // then it is stored with its hash and sniffed type
    expect(res.status).toBe(201);
    expect(res.body.items).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f-]{36}$/), dossierCode: dossier.code, kind: 'document', documentKey: 'giay-de-nghi', taskId: null,
        fileName: 'Giấy đề nghị.pdf', contentType: 'application/pdf', size: bytes.length, sha256: sha256(bytes), uploadedBy: 'reception', uploadedAt: expect.any(String),
      },
    ]);
    const id = res.body.items[0].id;
    const list = await request(server.url).get(`/api/dossiers/${dossier.code}/files`).set('Authorization', `Bearer ${reception}`).expect(200);
    expect(list.body.items.map((f: { id: string }) => f.id)).toContain(id);
    const download = await request(server.url).get(`/api/dossiers/${dossier.code}/files/${id}`).set('Authorization', `Bearer ${reception}`).buffer(true).parse(binary).expect(200);
    expect(sha256(download.body)).toBe(sha256(bytes));
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="Giay de nghi.pdf"; filename*=UTF-8''${encodeURIComponent('Giấy đề nghị.pdf')}`);
    await expectConsistent();
  });
});
