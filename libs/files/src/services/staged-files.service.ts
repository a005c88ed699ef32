import { Inject, Injectable } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { AppError, CLOCK, type Clock } from '../../../common/src';
import { ProceduresService } from '../../../dossiers/src';
import { StagedFilesRepository, type StagedFile } from '../repositories/staged-files.repository';
import { FILE_STORAGE, type FileStorage } from '../storage/file-storage';
import { FileIntake, type IntakenBlob } from '../upload/file-intake';
import { readMultipart, type FilePart } from '../upload/multipart.reader';
import { isRawUpload, readRawUpload } from '../upload/raw.reader';

/** Who stages: a citizen's account id (the owner) — only they may bind the files to a submission. */
export interface StagingOwner {
  owner: string;
}

/**
 * Files a citizen uploads for an online submission before sending it (issue 18 item 3): the same
 * upload path as a dossier's files ({@link FileIntake}: type by content, size limits, streamed,
 * swept after a crash), kept unbound in `staged_files` until the submission binds them in its own
 * transaction. Each file is for one document the procedure lists (`documentKey`).
 */
@Injectable()
export class StagedFilesService {
  constructor(
    private readonly staged: StagedFilesRepository,
    private readonly procedures: ProceduresService,
    private readonly intake: FileIntake,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Multipart (`documentKey`, then `file` parts) or one raw file (`?documentKey=`, `X-File-Name`): all kept or none. */
  async stage(who: StagingOwner, procedureCode: string, req: IncomingMessage): Promise<{ items: StagedFile[] }> {
    const procedure = await this.procedures.get(procedureCode);
    if (!procedure.channels.includes('online'))
      throw AppError.badRequest('CHANNEL_NOT_ALLOWED', `Procedure ${procedure.code} is not received online`, {
        allowed: procedure.channels,
      });
    const documentKeys = procedure.requiredDocuments.map((d) => d.code);
    const stored: IntakenBlob[] = [];
    let documentKey: string | undefined;
    const onFile = async (part: FilePart) => {
      const key = part.fields.documentKey?.trim();
      if (!key || !documentKeys.includes(key) || (documentKey !== undefined && key !== documentKey))
        throw AppError.badRequest(
          'FILE_DOCUMENT_KEY_INVALID',
          'Send documentKey, the code of a document the procedure lists, before the files',
          { documentKey: key ?? null, documentKeys },
        );
      documentKey = key;
      stored.push(await this.intake.take(part, `staged:${who.owner}`.slice(0, 200)));
    };
    try {
      if (isRawUpload(req)) await readRawUpload(req, this.intake.limits.maxFileBytes, onFile);
      else await readMultipart(req, this.intake.limits, onFile);
      if (stored.length === 0 || !documentKey)
        throw AppError.badRequest('FILE_MISSING', 'The request has no file part (send documentKey, then the files)');
    } catch (error) {
      await this.intake.discard(stored);
      throw error;
    }
    const at = this.clock.now();
    if (!(await this.staged.commit(who.owner, procedure.code, documentKey, stored, at)))
      throw new AppError(409, 'UPLOAD_EXPIRED', 'The upload took too long and was discarded; send it again');
    const key = documentKey;
    return {
      items: stored.map((b) => ({
        id: b.id,
        procedureCode: procedure.code,
        documentKey: key,
        fileName: b.fileName,
        contentType: b.contentType,
        size: b.size,
        sha256: b.sha256,
        uploadedAt: at,
      })),
    };
  }

  /** A submission's file and its bytes (the desk reads it before accepting; the citizen reads their own). */
  async open(submissionId: string, id: string): Promise<{ file: StagedFile; body: Readable }> {
    const row = /^[0-9a-f-]{36}$/i.test(id) ? await this.staged.find(submissionId, id) : undefined;
    if (!row) throw AppError.notFound('FILE_NOT_FOUND', `File ${id.slice(0, 60)} not found in this submission`);
    const { storageKey, ...file } = row;
    return { file, body: await this.storage.get(storageKey) };
  }
}
