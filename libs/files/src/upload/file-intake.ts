import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../common/src';
import { sanitizeFileName } from '../domain/file-name.rules';
import { FILES_CONFIG } from '../files.tokens';
import type { FilesConfig } from '../files.config';
import { DossierFilesRepository } from '../repositories/dossier-files.repository';
import { FILE_STORAGE, type FileStorage } from '../storage/file-storage';
import type { FilePart } from './multipart.reader';
import { UploadGuardStream } from './upload-guard.stream';

/** A file part streamed into the store: its blob exists, its row is still the caller's to commit. */
export interface IntakenBlob {
  id: string;
  storageKey: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}

/** Where a file's bytes go: its id, fanned out over 256 folders. */
export function storageKeyOf(id: string): string {
  return `${id.slice(0, 2)}/${id}`;
}

/**
 * The one upload path (issue 16, ADR 0009): a file part streamed into the store, its type decided
 * by its content and its size bounded on the way; the in-flight row (`file_uploads`, tagged with
 * `ref`) is written while the first bytes flow, so a crash leaves nothing the sweep cannot find.
 * A dossier's files and a citizen's staged files (issue 18 item 3) both go through it.
 */
@Injectable()
export class FileIntake {
  private readonly logger = new Logger(FileIntake.name);

  constructor(
    private readonly files: DossierFilesRepository,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(FILES_CONFIG) private readonly config: FilesConfig,
  ) {}

  get limits() {
    return { maxFiles: this.config.maxFilesPerRequest, maxFileBytes: this.config.maxBytes };
  }

  /** Streams one file part into the store; its blob is reachable by the sweep until committed. */
  async take(part: FilePart, ref: string): Promise<IntakenBlob> {
    if (part.field !== 'file' && part.field !== 'files')
      throw AppError.badRequest(
        'UPLOAD_FIELD_INVALID',
        `Send files in the field "file", not "${part.field.slice(0, 50)}"`,
      );
    const fileName = sanitizeFileName(part.fileName);
    const id = randomUUID();
    const storageKey = storageKeyOf(id);
    // The in-flight row is written while the first bytes flow to a temporary file; the blob
    // appears at its key only once the row exists (ADR 0009).
    const began = this.files.begin(id, storageKey, ref);
    began.catch(() => undefined);
    const guard = new UploadGuardStream(this.config.maxBytes);
    // Not pipeline(): busboy's part stream must live on to be drained when the file is refused.
    part.stream.on('error', (error) => guard.destroy(error));
    part.stream.pipe(guard);
    try {
      const blob = await this.storage.put(storageKey, guard, began);
      return { id, storageKey, fileName, contentType: guard.contentType!, size: blob.size, sha256: blob.sha256 };
    } catch (error) {
      part.stream.unpipe(guard);
      // Its row may still be on its way: removed only once written, so none is left behind.
      if (
        await began.then(
          () => true,
          () => false,
        )
      ) {
        await this.files
          .abandon([id])
          .catch((e) => this.logger.warn(`file_uploads ${id} left for the sweep: ${(e as Error).message}`));
      }
      throw error;
    }
  }

  /** Removes what a failed request stored: blobs first, then their in-flight rows (a crash between leaves them to the sweep). */
  async discard(stored: readonly { id: string; storageKey: string }[]): Promise<void> {
    if (!stored.length) return;
    try {
      await Promise.all(stored.map((f) => this.storage.delete(f.storageKey)));
      await this.files.abandon(stored.map((f) => f.id));
    } catch (error) {
      this.logger.warn(
        `discarding ${stored.length} uploaded blobs failed; the sweep removes them: ${(error as Error).message}`,
      );
    }
  }
}
