import type { IncomingMessage, ServerResponse } from 'node:http';

/** Deepest nesting of arrays and objects a JSON body may have; no request of the API needs more than a handful. */
export const MAX_BODY_DEPTH = 64;
/**
 * Most values (strings, numbers, arrays, objects…) a JSON body may hold. The largest legitimate
 * body is a migration listing 10,000 instance ids. Without it a 2 MB body of a million small
 * values took 0.7–3 s to parse and transform, blocking the event loop.
 */
export const MAX_BODY_VALUES = 20_000;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;

/** What a body exceeds, if anything. */
export type JsonShapeExcess = 'depth' | 'values' | undefined;

/**
 * Checks the raw JSON text against the bounds: one pass over the bytes, no recursion, stopping at
 * the first bracket or comma past a bound; brackets and commas inside strings are text. Byte-wise
 * is exact for UTF-8 (a multi-byte character never holds an ASCII byte); other charsets are
 * decoded first. Values are counted as commas plus opening brackets (an upper bound's close enough
 * estimate: `[1,2]` counts 2, an object member counts once).
 */
export function jsonShapeExcess(
  raw: Buffer | string,
  maxDepth = MAX_BODY_DEPTH,
  maxValues = MAX_BODY_VALUES,
): JsonShapeExcess {
  const text = typeof raw === 'string' ? raw : undefined;
  const length = raw.length;
  let depth = 0;
  let values = 1;
  let inString = false;
  for (let i = 0; i < length; i++) {
    const c = text === undefined ? (raw as Buffer)[i] : text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (++depth > maxDepth) return 'depth';
      if (++values > maxValues) return 'values';
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
      depth--;
    } else if (c === COMMA && ++values > maxValues) {
      return 'values';
    }
  }
  return undefined;
}

/** The error the body parser passes on; `AppErrorFilter` answers it with 400 and `code`. */
export class BodyShapeError extends Error {
  readonly status = 400;
  readonly type = 'entity.shape.refused';
  constructor(
    readonly code: 'BODY_TOO_DEEP' | 'BODY_TOO_COMPLEX',
    message: string,
  ) {
    super(message);
  }
}

/**
 * `verify` hook for `express.json`: runs on the raw body before `JSON.parse`, so a deep or huge
 * body is refused after a linear scan and never reaches class-transformer, class-validator or
 * `containsNul`, which recurse (issue 15: 5,000 levels overflowed the stack; a 2 MB nested body
 * blocked the event loop for 2.2 s).
 */
export function refuseHostileJson(_req: IncomingMessage, _res: ServerResponse, body: Buffer, encoding: string): void {
  const excess = jsonShapeExcess(/^utf-?8$/i.test(encoding) ? body : decoded(body, encoding));
  if (excess === 'depth')
    throw new BodyShapeError(
      'BODY_TOO_DEEP',
      `The request body nests arrays or objects more than ${MAX_BODY_DEPTH} levels deep`,
    );
  if (excess === 'values')
    throw new BodyShapeError('BODY_TOO_COMPLEX', `The request body holds more than ${MAX_BODY_VALUES} values`);
}

/** UTF-16 bodies (JSON allows any UTF); a charset this cannot read is refused rather than left unchecked. */
function decoded(body: Buffer, encoding: string): string {
  try {
    return new TextDecoder(encoding).decode(body);
  } catch {
    throw Object.assign(new Error(`Unsupported charset "${encoding}"`), { status: 415, type: 'charset.unsupported' });
  }
}
