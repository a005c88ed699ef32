import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { request } from 'node:http';
import { basename } from 'node:path';
import { pipeline } from 'node:stream/promises';

const MB = 1024 * 1024;

/** Streams a file from disk as a multipart upload (never in memory); the answer's status and body. */
export function uploadFile(
  url: string,
  token: string,
  path: string,
  fields: Record<string, string>,
): Promise<{ status: number; body: string }> {
  const boundary = `----motcua-bench-${randomUUID()}`;
  const head = Buffer.from(
    Object.entries(fields)
      .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
      .join('') +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': `multipart/form-data; boundary=${boundary}`,
        'Content-Length': head.length + statSync(path).size + tail.length,
      },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.write(head);
    const file = createReadStream(path, { highWaterMark: MB });
    file.on('error', reject);
    file.on('end', () => req.end(tail));
    file.pipe(req, { end: false });
  });
}

/**
 * Streams a file from disk as the raw request body (`POST …/files?kind=…`, its name in
 * `X-File-Name`): the upload without multipart framing.
 */
export function uploadRaw(
  url: string,
  token: string,
  path: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}?${new URLSearchParams(fields)}`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/pdf',
        'X-File-Name': encodeURIComponent(basename(path)),
        'Content-Length': statSync(path).size,
        ...headers,
      },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    const file = createReadStream(path, { highWaterMark: MB });
    file.on('error', reject);
    file.pipe(req);
  });
}

/** Downloads to a file on disk, streamed; 1 MB of write buffer so the disk never holds the socket back. */
export function downloadFile(url: string, token: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { Authorization: `Bearer ${token}` } });
    req.on('error', reject);
    req.on('response', (res) => {
      pipeline(res, createWriteStream(path, { highWaterMark: MB })).then(() => resolve(res.statusCode ?? 0), reject);
    });
    req.end();
  });
}
