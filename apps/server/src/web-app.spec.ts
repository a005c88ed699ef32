import express from 'express';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import request from 'supertest';
import { compressJson, firstRequestOf, HASHED_ASSET_CACHE, INDEX_CACHE, serveWebApp } from './web-app';

/** A dist like Vite's: index.html, hashed assets with the .br/.gz the build writes, one without. */
function fakeDist(): string {
  const root = mkdtempSync(join(tmpdir(), 'motcua-web-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><div id="root"></div>');
  const script = Buffer.from(`export const page = ${JSON.stringify('tra cứu '.repeat(400))};`);
  writeFileSync(join(root, 'assets', 'lookup.page-AbC123.js'), script);
  writeFileSync(join(root, 'assets', 'lookup.page-AbC123.js.br'), brotliCompressSync(script));
  writeFileSync(join(root, 'assets', 'lookup.page-AbC123.js.gz'), gzipSync(script));
  writeFileSync(join(root, 'assets', 'tiny-Xy9.js'), 'export {};');
  return root;
}

describe('serving the built web app', () => {
  let root: string;
  let app: express.Express;
  const script = () => `export const page = ${JSON.stringify('tra cứu '.repeat(400))};`;

  beforeAll(() => {
    root = fakeDist();
    app = express();
    app.use(compressJson());
    serveWebApp(app, root);
    app.get('/api/big', (_req, res) => {
      res.json({ items: Array.from({ length: 200 }, (_, i) => ({ id: i, name: `Hồ sơ số ${i}` })) });
    });
    app.get('/api/small', (_req, res) => {
      res.json({ ok: true });
    });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('sends the brotli file the build wrote when the browser accepts br, with a year-long immutable cache', async () => {
    const res = await request(app)
      .get('/assets/lookup.page-AbC123.js')
      .set('Accept-Encoding', 'gzip, deflate, br, zstd');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers['cache-control']).toBe(HASHED_ASSET_CACHE);
    expect(res.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(res.headers['accept-ranges']).toBeUndefined();
    // The bytes on the wire are the build's .br file (supertest decodes them for the body).
    expect(Number(res.headers['content-length'])).toBe(statSync(join(root, 'assets', 'lookup.page-AbC123.js.br')).size);
    expect(res.text).toBe(script());
  });

  it('sends the gzip file to a client that takes only gzip, and the plain file to one that takes neither', async () => {
    const gz = await request(app).get('/assets/lookup.page-AbC123.js').set('Accept-Encoding', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(Number(gz.headers['content-length'])).toBe(statSync(join(root, 'assets', 'lookup.page-AbC123.js.gz')).size);
    expect(gz.text).toBe(script());
    const plain = await request(app).get('/assets/lookup.page-AbC123.js').set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe(HASHED_ASSET_CACHE);
    expect(plain.text).toBe(script());
  });

  it('answers a revalidation of the same variant with 304', async () => {
    const first = await request(app).get('/assets/lookup.page-AbC123.js').set('Accept-Encoding', 'br');
    const again = await request(app)
      .get('/assets/lookup.page-AbC123.js')
      .set('Accept-Encoding', 'br')
      .set('If-None-Match', first.headers['etag']);
    expect(again.status).toBe(304);
  });

  it('serves index.html with no-cache, for the root, client routes and /index.html', async () => {
    for (const path of ['/', '/tra-cuu', '/thong-ke?from=2026-01-01', '/index.html']) {
      const res = await request(app).get(path).set('Accept', 'text/html').set('Accept-Encoding', 'gzip, br');
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe(INDEX_CACHE);
      expect(res.text).toContain('<div id="root">');
    }
  });

  it('answers a missing asset with 404, not index.html under a year-long cache', async () => {
    const res = await request(app).get('/assets/gone-Zz1.js').set('Accept', '*/*');
    expect(res.status).toBe(404);
    expect(res.headers['cache-control']).not.toBe(HASHED_ASSET_CACHE);
  });

  it('serves a file without precompressed variants as it is', async () => {
    const res = await request(app).get('/assets/tiny-Xy9.js').set('Accept-Encoding', 'gzip, br');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.text).toBe('export {};');
  });

  it('serves nothing outside dist', async () => {
    const res = await request(app).get('/assets/..%2F..%2Fetc%2Fpasswd').set('Accept', 'application/json');
    expect(res.status).toBe(404);
  });

  it('compresses large JSON answers of the API and leaves small ones alone', async () => {
    const big = await request(app).get('/api/big').set('Accept-Encoding', 'gzip, deflate, br');
    expect(big.headers['content-encoding']).toBe('br');
    expect(big.body.items).toHaveLength(200);
    const gz = await request(app).get('/api/big').set('Accept-Encoding', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    const none = await request(app).get('/api/big').set('Accept-Encoding', 'identity');
    expect(none.headers['content-encoding']).toBeUndefined();
    const small = await request(app).get('/api/small').set('Accept-Encoding', 'gzip, br');
    expect(small.headers['content-encoding']).toBeUndefined();
  });
});

describe('firstRequestOf (the JSON preloaded with a public page)', () => {
  const of = (url: string) => {
    const parsed = new URL(url, 'http://localhost');
    return firstRequestOf(parsed.pathname, parsed.searchParams);
  };

  it("writes the catalog's request as the web app's client does: q trimmed, empty filters left out, limit last", () => {
    expect(of('/thu-tuc')).toBe('/api/procedures?limit=200');
    expect(of('/thu-tuc?q=%20ho%20kinh%20doanh%20&field=&level=district')).toBe(
      '/api/procedures?q=ho+kinh+doanh&level=district&limit=200',
    );
    expect(of('/thu-tuc?level=commune&field=H%E1%BB%99%20t%E1%BB%8Bch')).toBe(
      `/api/procedures?field=${new URLSearchParams({ f: 'Hộ tịch' }).toString().slice(2)}&level=commune&limit=200`,
    );
  });

  it("writes a procedure's and the stats' requests; a mistyped day is left out; other pages preload nothing", () => {
    expect(of('/thu-tuc/1.001612')).toBe('/api/procedures/1.001612');
    expect(of('/thu-tuc/a%20b')).toBe('/api/procedures/a%20b');
    expect(of('/thu-tuc/%E0%A4%A')).toBeUndefined();
    expect(of('/thong-ke')).toBe('/api/public/stats');
    expect(of('/thong-ke?from=2025-03-01&to=2025-3-31')).toBe('/api/public/stats?from=2025-03-01');
    for (const page of ['/tra-cuu', '/kiosk', '/inbox', '/thu-tuc/1/2']) expect(of(page)).toBeUndefined();
  });
});
