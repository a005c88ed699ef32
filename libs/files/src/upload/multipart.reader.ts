import busboy from 'busboy';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { AppError } from '../../../common/src';
import { tooLarge } from './upload-guard.stream';

/** A file part as it arrives: the fields sent before it, the client's name, and its bytes. */
export interface FilePart {
  field: string;
  fields: Readonly<Record<string, string>>;
  fileName: string | undefined;
  stream: Readable;
}

export interface MultipartLimits {
  maxFiles: number;
  maxFileBytes: number;
}

/** Room for part headers and the small fields around the files. */
const OVERHEAD_BYTES = 64 * 1024;

/**
 * Streams a `multipart/form-data` request part by part (busboy; no part is ever held whole):
 * `onFile` is called for each file in order and must consume its stream. The fields sent before a
 * file are its fields. On the first failure the rest of the body is read and dropped (so the
 * client, a browser mid-upload, gets the 4xx rather than a reset connection) and the promise
 * rejects with that failure; a body larger than the limits allow at all is cut off.
 */
export function readMultipart(
  req: IncomingMessage,
  limits: MultipartLimits,
  onFile: (part: FilePart) => Promise<void>,
): Promise<void> {
  const maxBody = limits.maxFiles * (limits.maxFileBytes + OVERHEAD_BYTES);
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > maxBody) return Promise.reject(tooLarge(limits.maxFileBytes));
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      defParamCharset: 'utf8',
      // Larger pieces of each file (busboy's default is 64 KB): fewer writes; bounded per upload all the same.
      fileHwm: 256 * 1024,
      limits: { files: limits.maxFiles, fields: 20, fieldSize: 1024, parts: limits.maxFiles + 20, headerPairs: 20 },
    });
  } catch (cause) {
    return Promise.reject(
      new AppError(415, 'UPLOAD_NOT_MULTIPART', 'Send the files as multipart/form-data', undefined, { cause }),
    );
  }

  return new Promise<void>((resolve, reject) => {
    const fields: Record<string, string> = {};
    let failure: unknown;
    let received = 0;
    let queue = Promise.resolve();
    const fail = (error: unknown) => {
      failure ??= error;
    };

    parser.on('field', (name, value, info) => {
      if (info.valueTruncated || info.nameTruncated)
        fail(AppError.badRequest('UPLOAD_FIELD_INVALID', `The field ${name.slice(0, 50)} is too long`));
      fields[name] = value;
    });
    parser.on('file', (field, stream, info) => {
      const part: FilePart = { field, fields: { ...fields }, fileName: info.filename, stream };
      queue = queue.then(async () => {
        if (failure) return void stream.resume();
        try {
          await onFile(part);
        } catch (error) {
          fail(error);
          stream.resume();
        }
      });
    });
    parser.on('filesLimit', () =>
      fail(
        AppError.badRequest('UPLOAD_TOO_MANY_FILES', `At most ${limits.maxFiles} files in one request`, {
          maxFiles: limits.maxFiles,
        }),
      ),
    );
    parser.on('fieldsLimit', () => fail(AppError.badRequest('UPLOAD_FIELD_INVALID', 'Too many fields')));
    parser.on('partsLimit', () => fail(AppError.badRequest('UPLOAD_FIELD_INVALID', 'Too many parts')));
    const finish = () => queue.then(() => (failure ? reject(failure) : resolve()));
    parser.on('error', (cause) => {
      fail(
        cause instanceof AppError
          ? cause
          : AppError.badRequest('UPLOAD_MALFORMED', 'The multipart body is malformed or ends early'),
      );
      void finish();
    });
    parser.on('close', () => void finish());
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBody) {
        fail(tooLarge(limits.maxFileBytes));
        req.destroy();
      }
    });
    // A client that goes away mid-file: the file's stream errors, the store removes its partial write.
    req.on('close', () => {
      if (!req.complete)
        parser.destroy(
          failure instanceof Error ? failure : AppError.badRequest('UPLOAD_ABORTED', 'The upload was interrupted'),
        );
    });
    req.pipe(parser);
  });
}
