import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { request as httpRequest, type ClientRequest } from 'node:http';
import request from 'supertest';
import type { TestServer } from '../support/test-app';

/** Bytes that sniff as each allowed type (a real header, then noise), and ones that must not. */
export const samples = {
  pdf: (size = 4096) => withHead(Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), size),
  jpeg: (size = 4096) => withHead(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]), size),
  png: (size = 4096) => withHead(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), size),
  /** A Windows executable: `MZ` and a PE stub. */
  exe: (size = 4096) => withHead(Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1'), size),
  html: () => Buffer.from('<!doctype html><script>alert(1)</script>'),
};

function withHead(head: Buffer, size: number): Buffer {
  return Buffer.concat([head, randomBytes(Math.max(0, size - head.length))]);
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Receives a household-business dossier at the city desk; its code and lookup key. */
export async function receiveDossier(server: TestServer, token: string): Promise<{ code: string; lookupKey: string }> {
  const res = await request(server.url)
    .post('/api/dossiers')
    .set('Authorization', `Bearer ${token}`)
    .send({
      procedureCode: '1.001612',
      applicant: { fullName: 'Trần Văn Tệp', idNumber: '066190009999', phone: '0905000111' },
      channel: 'direct',
      documents: ['giay-de-nghi', 'giay-to-phap-ly'],
    })
    .expect(201);
  return { code: res.body.code, lookupKey: res.body.lookupKey };
}

export async function login(server: TestServer, username: string): Promise<string> {
  const res = await request(server.url)
    .post('/api/auth/login')
    .send({ username, password: process.env.DEMO_PASSWORD ?? 'motcua-demo' })
    .expect(200);
  return res.body.accessToken;
}

/** Collects a binary answer as a Buffer (supertest leaves unknown types unparsed). */
export function binary(res: request.Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

/** A multipart upload written by hand, a chunk at a time, so the test decides when the server dies. */
export function slowUpload(
  url: string,
  code: string,
  token: string,
  bytes: Buffer,
  chunk: number,
  everyMs: number,
): { request: ClientRequest; answer: Promise<number | string> } {
  const boundary = `----motcua${randomUUID()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nresult\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="ket-qua.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const target = new URL(`/api/dossiers/${code}/files`, url);
  const request = httpRequest(target, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': `multipart/form-data; boundary=${boundary}`,
      'Content-Length': head.length + bytes.length + tail.length,
    },
  });
  const answer = new Promise<number | string>((resolve) => {
    request.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    request.on('error', (error) => resolve((error as NodeJS.ErrnoException).code ?? 'error'));
  });
  void (async () => {
    request.write(head);
    for (let offset = 0; offset < bytes.length && !request.destroyed; offset += chunk) {
      request.write(bytes.subarray(offset, offset + chunk));
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
    if (!request.destroyed) request.end(tail);
  })();
  return { request, answer };
}
