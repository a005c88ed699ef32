import type { NextFunction, Request, Response } from 'express';

/** True when a string anywhere in `value` (keys included) holds a NUL character. */
export function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 64 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((item) => containsNul(item, depth + 1));
  return Object.entries(value).some(([key, item]) => key.includes('\u0000') || containsNul(item, depth + 1));
}

function decodedUrl(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url; // the router answers malformed escapes itself
  }
}

/**
 * Postgres text cannot hold NUL (U+0000): a request carrying one in its URL or body is refused
 * at the door with 400 `INVALID_CHARACTER`, instead of failing deep in a query (found by fuzzing).
 */
export function rejectNulCharacters() {
  return (req: Request, res: Response, next: NextFunction) => {
    if (decodedUrl(req.url).includes('\u0000') || containsNul(req.body)) {
      res.status(400).json({ statusCode: 400, code: 'INVALID_CHARACTER', message: 'The request contains a NUL character (U+0000), which no field accepts' });
      return;
    }
    next();
  };
}
