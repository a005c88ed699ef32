import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DossierFilesReader, LocalFileStorage } from '../../libs/files/src';
import { FILE_STORAGE } from '../../libs/files/src/storage/file-storage';
import { startTestServer, type TestServer } from '../support/test-app';
import { binary, login, receiveDossier, samples, sha256, slowUpload } from './files.support';
import { eventually } from './workflow.helpers';

const MB = 1024 * 1024;

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
  /** The dossiers this suite receives: every file in its store belongs to one of them. */
  const ours: string[] = [];
  const receive = async (token = reception) => {
    const received = await receiveDossier(server, token);
    ours.push(received.code);
    return received;
  };

  beforeAll(async () => {
    process.env.FILES_DIR = dir;
    process.env.FILES_DRIVER = 'local';
    server = await startTestServer();
    db = server.app.get(DataSource);
    [reception, otherUnit] = await Promise.all([login(server, 'reception'), login(server, 'reception.tanloi')]);
    dossier = await receive();
  });
  afterAll(async () => {
    await server?.close();
    delete process.env.FILES_DIR;
    rmSync(dir, { recursive: true, force: true });
  });

  const upload = (code: string, token = reception) =>
    request(server.url).post(`/api/dossiers/${code}/files`).set('Authorization', `Bearer ${token}`);
  const storage = () => server.app.get<LocalFileStorage>(FILE_STORAGE);

  /** Rows and blobs agree for this suite's dossiers (other suites' files live in other stores). */
  async function expectConsistent(): Promise<void> {
    const rows: { storage_key: string }[] = await db.query(
      `SELECT storage_key FROM dossier_files WHERE dossier_code = ANY($1)`,
      [ours],
    );
    const keys = await storage().keys();
    expect(keys.sort()).toEqual(rows.map((r) => r.storage_key).sort());
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM file_uploads WHERE dossier_code = ANY($1)`, [ours]);
    expect(n).toBe(0);
  }

  it('stores a PDF for a listed document, lists it and downloads the same bytes under its UTF-8 name', async () => {
    // given a scanned application form
    const bytes = samples.pdf(300_000);
    // when the desk uploads it for the document "giay-de-nghi"
    const res = await upload(dossier.code)
      .field('kind', 'document')
      .field('documentKey', 'giay-de-nghi')
      .attach('file', bytes, { filename: 'Giấy đề nghị.pdf', contentType: 'application/pdf' });
    // then it is stored with its hash and sniffed type
    expect(res.status).toBe(201);
    expect(res.body.items).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        dossierCode: dossier.code,
        kind: 'document',
        documentKey: 'giay-de-nghi',
        taskId: null,
        fileName: 'Giấy đề nghị.pdf',
        contentType: 'application/pdf',
        size: bytes.length,
        sha256: sha256(bytes),
        uploadedBy: 'reception',
        uploadedAt: expect.any(String),
      },
    ]);
    const id = res.body.items[0].id;
    const list = await request(server.url)
      .get(`/api/dossiers/${dossier.code}/files`)
      .set('Authorization', `Bearer ${reception}`)
      .expect(200);
    expect(list.body.items.map((f: { id: string }) => f.id)).toContain(id);
    const download = await request(server.url)
      .get(`/api/dossiers/${dossier.code}/files/${id}`)
      .set('Authorization', `Bearer ${reception}`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(sha256(download.body)).toBe(sha256(bytes));
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Giay de nghi.pdf"; filename*=UTF-8''${encodeURIComponent('Giấy đề nghị.pdf')}`,
    );
    await expectConsistent();
  });

  describe('bad input: a 4xx with a stable code, and nothing stored', () => {
    const document = (code = dossier.code) =>
      upload(code).field('kind', 'document').field('documentKey', 'giay-de-nghi');
    const count = async () =>
      (await db.query(`SELECT count(*)::int AS n FROM dossier_files WHERE dossier_code = ANY($1)`, [ours]))[0]
        .n as number;

    it.each([
      [
        'a 0-byte file',
        () => document().attach('file', Buffer.alloc(0), { filename: 'trong.pdf', contentType: 'application/pdf' }),
        400,
        'FILE_EMPTY',
      ],
      [
        'a 25 MB file',
        () => document().attach('file', samples.pdf(25 * MB), { filename: 'lon.pdf', contentType: 'application/pdf' }),
        413,
        'FILE_TOO_LARGE',
      ],
      [
        'an executable renamed .pdf',
        () =>
          document().attach('file', samples.exe(), { filename: 'giay-de-nghi.pdf', contentType: 'application/pdf' }),
        400,
        'FILE_TYPE_NOT_ALLOWED',
      ],
      [
        'HTML sent as application/pdf',
        () => document().attach('file', samples.html(), { filename: 'scan.pdf', contentType: 'application/pdf' }),
        400,
        'FILE_TYPE_NOT_ALLOWED',
      ],
      [
        'a name of only dots',
        () => document().attach('file', samples.pdf(), { filename: '..', contentType: 'application/pdf' }),
        400,
        'FILE_NAME_INVALID',
      ],
      [
        'no kind before the file',
        () => upload(dossier.code).attach('file', samples.pdf(), { filename: 'a.pdf' }),
        400,
        'FILE_KIND_INVALID',
      ],
      [
        'a document the procedure does not list',
        () =>
          upload(dossier.code)
            .field('kind', 'document')
            .field('documentKey', 'khong-co')
            .attach('file', samples.pdf(), { filename: 'a.pdf' }),
        400,
        'FILE_DOCUMENT_KEY_INVALID',
      ],
      [
        'an attachment without a step',
        () => upload(dossier.code).field('kind', 'attachment').attach('file', samples.pdf(), { filename: 'a.pdf' }),
        400,
        'FILE_TASK_INVALID',
      ],
      ['fields without a file', () => document().field('note', 'x'), 400, 'FILE_MISSING'],
      ['a JSON body', () => upload(dossier.code).send({ kind: 'document' }), 415, 'UPLOAD_NOT_MULTIPART'],
      [
        'a good file, then an executable in the same request',
        () =>
          document()
            .attach('file', samples.pdf(), { filename: 'tot.pdf' })
            .attach('file', samples.exe(), { filename: 'xau.pdf' }),
        400,
        'FILE_TYPE_NOT_ALLOWED',
      ],
    ])('refuses %s', async (_name, send, status, code) => {
      // given the dossier's files so far
      const before = await count();
      // when the upload is sent
      const res = await send();
      // then it is refused with its code, and no row, blob or upload in flight is left behind
      expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
      expect(res.body.message).toEqual(expect.any(String));
      expect(await count()).toBe(before);
      await expectConsistent();
      expect(await storage().sweepIncomplete(new Date(Date.now() + 60_000))).toBe(0);
    });

    it('removes the partial write of a client that goes away mid-file', async () => {
      // given an upload of 4 MB sent slowly
      const before = await count();
      const { request: sending, answer } = slowUpload(
        server.url,
        dossier.code,
        reception,
        Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4 * MB)]),
        128 * 1024,
        30,
      );
      await eventually(async () => readdirSync(join(dir, 'tmp')).length > 0, 20_000, 10);
      // when the client disconnects half-way
      sending.destroy();
      expect(await answer).not.toBe(201);
      // then the server removes the partial file and the upload in flight, and stores nothing
      await eventually(
        async () =>
          readdirSync(join(dir, 'tmp')).length === 0 &&
          (await db.query(`SELECT count(*)::int AS n FROM file_uploads WHERE dossier_code = ANY($1)`, [ours]))[0].n ===
            0,
        20_000,
        50,
      );
      expect(await count()).toBe(before);
      await expectConsistent();
    });

    it('reads the type from the content: a PNG sent as application/pdf and named .pdf is stored as image/png', async () => {
      const res = await document()
        .attach('file', samples.png(), { filename: 'anh-chup.pdf', contentType: 'application/pdf' })
        .expect(201);
      expect(res.body.items[0]).toMatchObject({ contentType: 'image/png', fileName: 'anh-chup.pdf' });
    });

    it('keeps only the base name of a path-traversal name, and writes nothing outside FILES_DIR', async () => {
      // when names with folders (POSIX and Windows) and control characters are sent
      const res = await document()
        .attach('file', samples.pdf(), { filename: '../../etc/passwd.pdf' })
        .attach('file', samples.jpeg(), { filename: '..\\..\\Windows\\system32\\anh\u202e.jpg' })
        .expect(201);
      // then each is stored under its base name, cleaned
      expect(res.body.items.map((f: { fileName: string }) => f.fileName)).toEqual(['passwd.pdf', 'anh.jpg']);
      const keys = await storage().keys();
      expect(keys.every((key) => /^[0-9a-f]{2}\/[0-9a-f-]{36}$/.test(key))).toBe(true);
      await expectConsistent();
      // and a raw control character in the part's header is a malformed body
      const nul = await document().attach('file', samples.pdf(), { filename: 'a\u0000.pdf' });
      expect({ status: nul.status, code: nul.body.code }).toEqual({ status: 400, code: 'UPLOAD_MALFORMED' });
    });

    it('stores 50 concurrent uploads to one dossier: all listed, unique ids, the hashes of what was sent', async () => {
      // given 50 different files
      const files = Array.from({ length: 50 }, (_, i) =>
        i % 3 === 0 ? samples.jpeg(50_000 + i) : i % 3 === 1 ? samples.png(60_000 + i) : samples.pdf(70_000 + i),
      );
      // when all are uploaded at once
      const answers = await Promise.all(
        files.map((bytes, i) => document().attach('file', bytes, { filename: `trang-${i}.bin` })),
      );
      // then each is stored with its own id and its hash
      expect(answers.map((r) => r.status)).toEqual(Array(50).fill(201));
      const stored = answers.map((r) => r.body.items[0]);
      expect(new Set(stored.map((f: { id: string }) => f.id)).size).toBe(50);
      expect(stored.map((f: { sha256: string }) => f.sha256)).toEqual(files.map(sha256));
      expect(stored.map((f: { size: number }) => f.size)).toEqual(files.map((f) => f.length));
      const list = await request(server.url)
        .get(`/api/dossiers/${dossier.code}/files?kind=document`)
        .set('Authorization', `Bearer ${reception}`)
        .expect(200);
      const listed = new Set(list.body.items.map((f: { id: string }) => f.id));
      expect(stored.every((f: { id: string }) => listed.has(f.id))).toBe(true);
      // and a download of any of them is the bytes sent
      const one = await request(server.url)
        .get(`/api/dossiers/${dossier.code}/files/${stored[17].id}`)
        .set('Authorization', `Bearer ${reception}`)
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(sha256(one.body)).toBe(stored[17].sha256);
      await expectConsistent();
    });
  });

  describe('access and history', () => {
    it('answers an officer of another unit as the dossier read does (404 DOSSIER_NOT_FOUND)', async () => {
      // given a stored file and an officer of Tân Lợi
      const [file] = (
        await upload(dossier.code)
          .field('kind', 'result')
          .attach('file', samples.pdf(), { filename: 'kq.pdf' })
          .expect(201)
      ).body.items;
      const other = (path: string) => request(server.url).get(path).set('Authorization', `Bearer ${otherUnit}`);
      // then the dossier, its list, its file and an upload are all "not found" to them
      expect((await other(`/api/dossiers/${dossier.code}`)).status).toBe(404);
      for (const res of [
        await other(`/api/dossiers/${dossier.code}/files`),
        await other(`/api/dossiers/${dossier.code}/files/${file.id}`),
        await upload(dossier.code, otherUnit)
          .field('kind', 'result')
          .attach('file', samples.pdf(), { filename: 'x.pdf' }),
      ]) {
        expect({ status: res.status, code: res.body.code }).toEqual({ status: 404, code: 'DOSSIER_NOT_FOUND' });
      }
      // and without a token nothing at all
      expect((await request(server.url).get(`/api/dossiers/${dossier.code}/files/${file.id}`)).status).toBe(401);
      // and a file id of another dossier is not found here
      const second = await receive();
      expect(
        (
          await request(server.url)
            .get(`/api/dossiers/${second.code}/files/${file.id}`)
            .set('Authorization', `Bearer ${reception}`)
        ).body.code,
      ).toBe('FILE_NOT_FOUND');
    });

    it('never changes or deletes a file row (trigger), and audits each upload', async () => {
      const [file] = (
        await upload(dossier.code)
          .field('kind', 'result')
          .attach('file', samples.pdf(), { filename: 'kq2.pdf' })
          .expect(201)
      ).body.items;
      await expect(db.query(`UPDATE dossier_files SET file_name = 'x.pdf' WHERE id = $1`, [file.id])).rejects.toThrow(
        /append-only/,
      );
      await expect(db.query(`DELETE FROM dossier_files WHERE id = $1`, [file.id])).rejects.toThrow(/append-only/);
      const audit = await db.query(
        `SELECT actor, data FROM audit_log WHERE action = 'dossier.files_uploaded' AND subject = $1`,
        [`dossier:${dossier.code}`],
      );
      expect(
        audit.find((a: { data: { files: { id: string }[] } }) => a.data.files.some((f) => f.id === file.id)),
      ).toMatchObject({ actor: 'reception' });
    });

    it('attaches files to an open step, which other modules check with assertAttachable', async () => {
      // given the open reception step of the dossier
      const [task] = await db.query(
        `SELECT t.id FROM tasks t JOIN dossiers d ON d.instance_id = t.instance_id WHERE d.code = $1 AND t.status = 'open'`,
        [dossier.code],
      );
      // when a file is attached to it
      const res = await upload(dossier.code)
        .field('kind', 'attachment')
        .field('taskId', task.id)
        .attach('file', samples.pdf(), { filename: 'y-kien.pdf' })
        .expect(201);
      const attachment = res.body.items[0];
      expect(attachment).toMatchObject({ kind: 'attachment', taskId: task.id, documentKey: null });
      // then it is attachable to that step only, and a document file is not
      const reader = server.app.get(DossierFilesReader);
      await expect(reader.assertAttachable(dossier.code, [attachment.id], task.id)).resolves.toEqual([
        expect.objectContaining({ id: attachment.id }),
      ]);
      const [doc] = await reader.listFiles(dossier.code, { kind: 'document' });
      await expect(
        reader.assertAttachable(dossier.code, [attachment.id, doc.id, 'nope'], task.id),
      ).rejects.toMatchObject({ code: 'FILE_NOT_ATTACHABLE', details: { fileIds: [doc.id, 'nope'] } });
      await expect(
        reader.assertAttachable(dossier.code, [attachment.id], '00000000-0000-4000-8000-000000000000'),
      ).rejects.toMatchObject({ code: 'FILE_NOT_ATTACHABLE' });
      expect(
        (
          await request(server.url)
            .get(`/api/dossiers/${dossier.code}/files?taskId=${task.id}`)
            .set('Authorization', `Bearer ${reception}`)
            .expect(200)
        ).body.items,
      ).toHaveLength(1);
    });
  });

  describe("the citizen's electronic result", () => {
    const publicList = (code: string, key?: string) =>
      request(server.url).get(`/api/public/dossiers/${code}/results${key ? `?key=${key}` : ''}`);

    it('downloads the result with code and key once the dossier is result_ready, for a procedure with electronicResult', async () => {
      // given a copy certification (electronicResult in the catalog), received and worked to its certification step
      const specialist = await login(server, 'specialist');
      const res = await request(server.url)
        .post('/api/dossiers')
        .set('Authorization', `Bearer ${reception}`)
        .send({
          procedureCode: '2.000815',
          applicant: { fullName: 'Lê Thị Kết Quả', idNumber: '066190008888', phone: '0905000222' },
          channel: 'direct',
          documents: ['ban-chinh', 'ban-sao'],
        })
        .expect(201);
      const { code, lookupKey } = res.body;
      ours.push(code);
      const step = async (elementId: string, token: string) => {
        const [task] = await db.query(
          `SELECT t.id FROM tasks t JOIN dossiers d ON d.instance_id = t.instance_id WHERE d.code = $1 AND t.element_id = $2 AND t.status = 'open'`,
          [code, elementId],
        );
        await request(server.url)
          .post(`/api/tasks/${task.id}/claim`)
          .set('Authorization', `Bearer ${token}`)
          .expect(200);
        await request(server.url)
          .post(`/api/tasks/${task.id}/complete`)
          .set('Authorization', `Bearer ${token}`)
          .send({ variables: { note: 'Đã xử lý', pages: 2 } })
          .expect(200);
      };
      await step('Task_TiepNhan', reception);
      const result = samples.pdf(200_000);
      const [file] = (
        await upload(code, specialist)
          .field('kind', 'result')
          .attach('file', result, { filename: 'Bản sao chứng thực.pdf' })
          .expect(201)
      ).body.items;
      // then before the result is signed the citizen sees nothing, and nothing without the key
      expect((await publicList(code, lookupKey).expect(200)).body).toEqual({ items: [], total: 0, ready: false });
      expect((await publicList(code).expect(403)).body.code).toBe('LOOKUP_KEY_INVALID');
      expect((await publicList(code, 'AAAAAA').expect(403)).body.code).toBe('LOOKUP_KEY_INVALID');
      expect(
        (await request(server.url).get(`/api/public/dossiers/${code}/results/${file.id}?key=${lookupKey}`)).body.code,
      ).toBe('FILE_NOT_FOUND');

      // when the certification is signed
      await step('Task_ChungThuc', specialist);
      // then the result is listed and downloads as uploaded, under its name
      const listed = await publicList(code, lookupKey.toLowerCase()).expect(200);
      expect(listed.body).toEqual({
        items: [
          {
            id: file.id,
            fileName: 'Bản sao chứng thực.pdf',
            contentType: 'application/pdf',
            size: result.length,
            sha256: sha256(result),
            uploadedAt: expect.any(String),
          },
        ],
        total: 1,
        ready: true,
      });
      const download = await request(server.url)
        .get(`/api/public/dossiers/${code}/results/${file.id}?key=${lookupKey}`)
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(sha256(download.body)).toBe(sha256(result));
      // and other kinds of file stay hidden
      const [doc] = (
        await upload(code)
          .field('kind', 'document')
          .field('documentKey', 'ban-sao')
          .attach('file', samples.pdf(), { filename: 'ban-sao.pdf' })
          .expect(201)
      ).body.items;
      expect(
        (await request(server.url).get(`/api/public/dossiers/${code}/results/${doc.id}?key=${lookupKey}`)).status,
      ).toBe(404);
    });

    it('refuses a procedure without electronic result (403 ELECTRONIC_RESULT_NOT_ALLOWED)', async () => {
      const res = await request(server.url)
        .post('/api/dossiers')
        .set('Authorization', `Bearer ${reception}`)
        .send({
          procedureCode: '1.001193',
          applicant: { fullName: 'Phạm Văn Giấy', idNumber: '066190007777', phone: '0905000333' },
          channel: 'direct',
          documents: ['to-khai', 'giay-chung-sinh'],
        })
        .expect(201);
      expect((await publicList(res.body.code, res.body.lookupKey).expect(403)).body.code).toBe(
        'ELECTRONIC_RESULT_NOT_ALLOWED',
      );
      expect((await publicList('000.00.20.H15-000101-9999', 'AAAAAA').expect(404)).body.code).toBe('DOSSIER_NOT_FOUND');
    });
  });
});
