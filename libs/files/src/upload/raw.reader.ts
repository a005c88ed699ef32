import type { IncomingMessage } from 'node:http';
import { AppError } from '../../../common/src';
import type { FilePart } from './multipart.reader';
import { tooLarge } from './upload-guard.stream';

/** Content types a raw upload may declare; the type stored is still read from the content. */
export const RAW_UPLOAD_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'application/octet-stream'] as const;

/** The header that names a raw upload's file: its name, percent-encoded UTF-8 (`encodeURIComponent`). */
export const FILE_NAME_HEADER = 'x-file-name';

/** Whether the request's body is one file (a raw upload) rather than multipart. */
export function isRawUpload(req: IncomingMessage): boolean {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  return (RAW_UPLOAD_TYPES as readonly string[]).includes(type);
}

/**
 * A raw upload (ADR 0009): the request body is the file, its name in `X-File-Name`, the fields
 * (`kind`, `documentKey`, `taskId`) in the query string. No multipart framing to parse, so the
 * bytes go from the socket through the guard and the hash straight to the store. `onFile` is
 * called once and must consume the part's stream. As with multipart, on failure the rest of the
 * body is read and dropped, up to the one file's limit, so a browser mid-upload sees the 4xx.
 */
export async function readRawUpload(
  req: IncomingMessage,
  maxFileBytes: number,
  onFile: (part: FilePart) => Promise<void>,
): Promise<void> {
  try {
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (declared > maxFileBytes) throw tooLarge(maxFileBytes);
    const query = new URLSearchParams((req.url ?? '').split('?')[1] ?? '');
    const fields: Record<string, string> = {};
    for (const name of ['kind', 'documentKey', 'taskId']) {
      const value = query.get(name);
      if (value === null) continue;
      if (value.length > 1024) throw AppError.badRequest('UPLOAD_FIELD_INVALID', `The field ${name} is too long`);
      fields[name] = value;
    }
    await onFile({ field: 'file', fields, fileName: fileNameHeader(req.headers[FILE_NAME_HEADER]), stream: req });
  } catch (error) {
    drain(req, maxFileBytes);
    throw error;
  }
}

/** `X-File-Name` decoded; 400 `FILE_NAME_INVALID` when it is not percent-encoded UTF-8. */
function fileNameHeader(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (typeof header !== 'string') throw fileNameInvalid();
  try {
    return decodeURIComponent(header);
  } catch {
    throw fileNameInvalid();
  }
}

function fileNameInvalid(): AppError {
  return AppError.badRequest(
    'FILE_NAME_INVALID',
    'X-File-Name must be the file name, percent-encoded as UTF-8 (encodeURIComponent)',
  );
}

/** Reads and drops what is left of a refused body; one of more than twice the file limit is cut off. */
function drain(req: IncomingMessage, maxFileBytes: number): void {
  if (req.complete || req.destroyed) return;
  let dropped = 0;
  req.unpipe();
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > 2 * maxFileBytes) req.destroy();
  });
  req.resume();
}
