import { Transform, type TransformCallback } from 'node:stream';
import { AppError } from '../../../common/src';
import {
  ALLOWED_CONTENT_TYPES,
  sniffContentType,
  SNIFF_BYTES,
  type AllowedContentType,
} from '../domain/content-type.sniffer';

/**
 * Between the request and the store: refuses a file past `maxBytes` (413 `FILE_TOO_LARGE`) as soon
 * as it gets there, one whose first bytes are not PDF, JPEG or PNG (400 `FILE_TYPE_NOT_ALLOWED`)
 * before any byte is stored, and an empty one (400 `FILE_EMPTY`). Holds at most the first
 * {@link SNIFF_BYTES} bytes; everything else flows through.
 */
export class UploadGuardStream extends Transform {
  private size = 0;
  private head: Buffer[] = [];
  private headLength = 0;
  contentType?: AllowedContentType;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) return done(tooLarge(this.maxBytes));
    if (this.contentType) return done(null, chunk);
    this.head.push(chunk);
    this.headLength += chunk.length;
    if (this.headLength < SNIFF_BYTES) return done();
    this.release(done);
  }

  override _flush(done: TransformCallback): void {
    if (this.size === 0)
      return done(AppError.badRequest('FILE_EMPTY', 'The file is empty (0 bytes): choose the file again'));
    if (this.contentType) return done();
    this.release(done);
  }

  private release(done: TransformCallback): void {
    const head = Buffer.concat(this.head);
    this.head = [];
    this.contentType = sniffContentType(head);
    if (!this.contentType) return done(typeNotAllowed());
    done(null, head);
  }
}

export function tooLarge(maxBytes: number): AppError {
  return new AppError(
    413,
    'FILE_TOO_LARGE',
    `A file may be at most ${maxBytes} bytes (${(maxBytes / 1024 / 1024).toFixed(0)} MB)`,
    { maxBytes },
  );
}

export function typeNotAllowed(): AppError {
  return AppError.badRequest(
    'FILE_TYPE_NOT_ALLOWED',
    'Only PDF, JPEG and PNG files are accepted (the type is read from the content, not the name)',
    { allowed: ALLOWED_CONTENT_TYPES },
  );
}
