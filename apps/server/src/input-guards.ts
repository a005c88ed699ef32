import type { NextFunction, Request, Response } from 'express';

/**
 * True when a string anywhere in `value` (keys included) holds a NUL character. An explicit
 * stack, not recursion, and no depth cut-off: a NUL 65 levels down once slipped past a recursive
 * check that stopped at 64 and reached Postgres (500).
 */
export function containsNul(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length) {
    const item = pending.pop();
    if (typeof item === 'string') {
      if (item.includes('\u0000')) return true;
    } else if (Array.isArray(item)) {
      for (const element of item) pending.push(element);
    } else if (item !== null && typeof item === 'object') {
      for (const [key, element] of Object.entries(item)) {
        if (key.includes('\u0000')) return true;
        pending.push(element);
      }
    }
  }
  return false;
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
      res.status(400).json({
        statusCode: 400,
        code: 'INVALID_CHARACTER',
        message: 'The request contains a NUL character (U+0000), which no field accepts',
      });
      return;
    }
    next();
  };
}
