import compression from 'compression';
import type express from 'express';
import type { Request, RequestHandler, Response } from 'express';
import { readdirSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';

/** Paths the web app never serves (Nest's routes). */
const NOT_WEB_APP = /^\/(?:api|health|metrics)(?:\/|$)/;
const WEB_APP_ROUTE = /^\/(?!api\/|api$|health|metrics).*/;

/** Vite names every file under /assets/ by its content's hash: a changed file is a new URL. */
export const HASHED_ASSET_CACHE = 'public, max-age=31536000, immutable';
/** index.html names the current assets: the browser revalidates it every time (a 304 when unchanged). */
export const INDEX_CACHE = 'no-cache';
/** Anything else in dist (none today): an hour, as before. */
const OTHER_CACHE = 'public, max-age=3600';

/** Content encodings written at build time beside a file (apps/web/vite.config.ts, precompress), best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

interface WebFile {
  path: string;
  encodings: ('br' | 'gzip')[];
}

/**
 * The files of the built app, read once at start (the build does not change under a running
 * server): `/assets/x.js` → its path and the precompressed variants present. A request is served
 * only if its path is a key here, so nothing outside dist can be reached.
 */
export function webFiles(root: string): Map<string, WebFile> {
  const all = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) all.add(path);
    }
  };
  walk(root);
  const files = new Map<string, WebFile>();
  for (const path of all) {
    if (ENCODINGS.some((encoding) => path.endsWith(encoding.suffix) && all.has(path.slice(0, -encoding.suffix.length))))
      continue;
    const url = '/' + relative(root, path).split(sep).join('/');
    files.set(url, {
      path,
      encodings: ENCODINGS.filter((encoding) => all.has(path + encoding.suffix)).map((encoding) => encoding.name),
    });
  }
  return files;
}

function cacheControl(url: string): string {
  if (url.startsWith('/assets/')) return HASHED_ASSET_CACHE;
  if (url === '/index.html') return INDEX_CACHE;
  return OTHER_CACHE;
}

/** Sends `file` in the best encoding the client accepts (Vary: Accept-Encoding), with ETag and Last-Modified. */
function sendWebFile(req: Request, res: Response, next: (error?: unknown) => void, url: string, file: WebFile): void {
  // The smallest variant the client accepts (browsers list gzip first but take br as well).
  const chosen = file.encodings.find((encoding) => req.acceptsEncodings(encoding) === encoding) ?? null;
  if (file.encodings.length) res.vary('Accept-Encoding');
  res.type(extname(file.path) || 'application/octet-stream');
  res.setHeader('Cache-Control', cacheControl(url));
  if (chosen) res.setHeader('Content-Encoding', chosen);
  const path = chosen ? file.path + ENCODINGS.find((e) => e.name === chosen)!.suffix : file.path;
  // A byte range of a compressed variant is not a range of the file: ranges only on the plain bytes.
  res.sendFile(path, { cacheControl: false, acceptRanges: !chosen, dotfiles: 'allow' }, (error) => {
    if (error && !res.headersSent) next(error);
  });
}

/**
 * Serves the built React app at `/` from `root`: hashed assets cached for a year (immutable),
 * index.html revalidated on every load, and each file as the .br or .gz the build wrote when the
 * browser accepts it. Client-side routes fall back to index.html; a missing /assets/ file is a 404
 * (not index.html under a year-long cache).
 */
export function serveWebApp(server: express.Express, root: string): void {
  const files = webFiles(root);
  const index = files.get('/index.html');
  if (!index) return;
  // API, probe and metrics requests skip the lookup; the lookup itself is a Map, no stat per request.
  server.use((req, res, next) => {
    if (NOT_WEB_APP.test(req.path) || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    let url: string;
    try {
      url = decodeURIComponent(req.path);
    } catch {
      return next();
    }
    const file = files.get(url);
    if (!file) return next();
    sendWebFile(req, res, next, url, file);
  });
  server.get(WEB_APP_ROUTE, (req, res, next) => {
    if (req.path.startsWith('/assets/') || !req.accepts('html')) return next();
    const preload = firstRequestOf(req.path, new URL(req.originalUrl, 'http://localhost').searchParams);
    if (preload) res.setHeader('Link', `<${preload}>; rel=preload; as=fetch; crossorigin`);
    sendWebFile(req, res, next, '/index.html', index);
  });
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The JSON a public page asks for first, written exactly as the web app's client writes its URL
 * (URLSearchParams in the page's order, `limit` last): sent with index.html as `Link: rel=preload`,
 * the browser fetches it while the app's scripts download, and the page's request takes that
 * answer. On a 3G phone this saves one request's latency, ≈ 0.6 s (issue 18 item 8). Undefined
 * for other pages. Twins: apps/web/src/pages/catalog/catalog.api.ts and stats/stats.api.ts.
 */
export function firstRequestOf(path: string, query: URLSearchParams): string | undefined {
  const withQuery = (base: string, entries: [string, string | undefined][]) => {
    const params = new URLSearchParams();
    for (const [name, value] of entries) if (value) params.set(name, value);
    const text = params.toString();
    return text ? `${base}?${text}` : base;
  };
  if (path === '/thu-tuc')
    return withQuery('/api/procedures', [
      ['q', query.get('q')?.trim()],
      ['field', query.get('field') ?? undefined],
      ['level', query.get('level') ?? undefined],
      ['limit', '200'],
    ]);
  const procedure = /^\/thu-tuc\/([^/]+)$/.exec(path);
  if (procedure) {
    try {
      return `/api/procedures/${encodeURIComponent(decodeURIComponent(procedure[1]))}`;
    } catch {
      return undefined;
    }
  }
  if (path === '/thong-ke') {
    const day = (name: string) => {
      const value = query.get(name);
      return value && DAY.test(value) && !Number.isNaN(Date.parse(value)) ? value : undefined;
    };
    return withQuery('/api/public/stats', [
      ['from', day('from')],
      ['to', day('to')],
    ]);
  }
  return undefined;
}

/** JSON answers (the API, its OpenAPI document) are worth compressing; files, PDFs and XLSX already are, or stream. */
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;

/**
 * Compresses JSON answers of at least 1 KB with brotli or gzip as the client accepts (`compression`,
 * brotli at its default quality 4: cheap enough per request). The web app's files are not touched:
 * they are compressed at build time.
 */
export function compressJson(): RequestHandler {
  return compression({
    threshold: 1024,
    filter: (req, res) => {
      if (!NOT_WEB_APP.test(req.path)) return false;
      return JSON_TYPE.test(String(res.getHeader('Content-Type') ?? ''));
    },
  });
}
