import { Inject, Injectable } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { createHash, randomUUID } from 'node:crypto';
import { Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError, AUDIT_LOG, CLOCK, type AuditLog, type AuthUser, type Clock } from '../../../common/src';
import { DossiersService } from '../../../dossiers/src';
import {
  IdempotencyKeysRepository,
  parseIdempotencyKey,
  storedAnswer,
  type IdempotencyKeyRow,
} from '../../../workflow/src';
import { sanitizeFileName } from '../domain/file-name.rules';
import { CLOSED_STATUSES, isFileKind, type FileKind } from '../domain/file-kind.rules';
import { FILES_CONFIG } from '../files.tokens';
import type { FilesConfig } from '../files.config';
import {
  DossierFilesRepository,
  type DossierFileContext,
  type DossierFileRow,
  type KeyedAnswer,
} from '../repositories/dossier-files.repository';
import { FILE_STORAGE, type FileStorage } from '../storage/file-storage';
import { MeasuringStream } from '../storage/measuring.stream';
import { readMultipart, type FilePart } from '../upload/multipart.reader';
import { isRawUpload, readRawUpload } from '../upload/raw.reader';
import { UploadGuardStream } from '../upload/upload-guard.stream';
import { FileIntake, storageKeyOf } from '../upload/file-intake';
import { toDossierFile, type DossierFile } from './dossier-files.reader';

/** What the fields before a file part say about it. */
interface Placement {
  kind: FileKind;
  documentKey: string | null;
  taskId: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What an upload request answers: the stored files, or the first answer of a retried `Idempotency-Key`. */
export interface UploadAnswer {
  status: number;
  body: { items: DossierFile[] };
  replayed: boolean;
}

export { storageKeyOf };

/**
 * Files of dossiers (issue 16, ADR 0009): streamed uploads checked by content, all files of a
 * request stored or none; reads under the dossier's access rule. Each upload is in
 * `file_uploads` from before its first byte until its row commits, so a crash anywhere leaves
 * nothing the sweep cannot find.
 */
@Injectable()
export class DossierFilesService {
  constructor(
    private readonly files: DossierFilesRepository,
    private readonly dossiers: DossiersService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(FILES_CONFIG) private readonly config: FilesConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    private readonly keys: IdempotencyKeysRepository,
    private readonly intake: FileIntake,
  ) {}

  /**
   * `POST /api/dossiers/:code/files`: every file of the request (multipart parts, or the raw body),
   * stored and recorded, or none. With `Idempotency-Key` the request is fingerprinted by its
   * fields, names and the hashes of its bytes: a retry of a completed upload is hashed but not
   * stored and gets the first answer; another request under the key gets 409
   * `IDEMPOTENCY_KEY_REUSED`. The key is completed in the same commit as the files' rows.
   */
  async upload(user: AuthUser, code: string, req: IncomingMessage): Promise<UploadAnswer> {
    const key = parseIdempotencyKey(req.headers['idempotency-key']);
    // A retry of an upload that has an answer: its bytes are hashed to compare, never stored.
    const [context, found] = await Promise.all([
      this.openContext(user, code),
      key ? this.keys.find(user.id, key) : undefined,
    ]);
    // A reservation whose process died is taken over by storing again (reserve() allows it).
    const earlier = found && !(found.status === 'in_progress' && found.stale) ? found : undefined;
    const stored: DossierFileRow[] = [];
    const placements = new Map<string, Promise<Placement>>();
    const onFile = async (part: FilePart) => {
      const fields = JSON.stringify([part.fields.kind, part.fields.documentKey, part.fields.taskId]);
      if (!placements.has(fields)) placements.set(fields, this.place(context, part.fields));
      const placement = await placements.get(fields)!;
      stored.push(
        earlier ? await this.measure(user, context, placement, part) : await this.store(user, context, placement, part),
      );
    };
    try {
      if (isRawUpload(req)) await readRawUpload(req, this.config.maxBytes, onFile);
      else
        await readMultipart(
          req,
          { maxFiles: this.config.maxFilesPerRequest, maxFileBytes: this.config.maxBytes },
          onFile,
        );
      if (stored.length === 0)
        throw AppError.badRequest(
          'FILE_MISSING',
          'The request has no file part (send the fields, then one or more files)',
        );
    } catch (error) {
      if (!earlier) await this.discard(stored);
      throw error;
    }
    if (!key) return { status: 201, body: await this.record(user, code, stored), replayed: false };
    const requestHash = uploadFingerprint(code, stored);
    if (earlier) return { ...storedAnswer(earlier, requestHash), replayed: true } as UploadAnswer;
    return this.recordKeyed(user, code, stored, key, requestHash);
  }

  /** Commits a keyed upload: the key is reserved now that the request's fingerprint is known. */
  private async recordKeyed(
    user: AuthUser,
    code: string,
    stored: DossierFileRow[],
    key: string,
    requestHash: string,
  ): Promise<UploadAnswer> {
    const attempt = randomUUID();
    let reservation: Awaited<ReturnType<IdempotencyKeysRepository['reserve']>>;
    try {
      reservation = await this.keys.reserve({
        userId: user.id,
        key,
        route: `POST /api/dossiers/${code}/files`,
        requestHash,
        attempt,
      });
    } catch (error) {
      await this.discard(stored);
      throw error;
    }
    if (!reservation.reserved) {
      // A twin of this request got there first (or the key names another request): ours is not kept.
      await this.discard(stored);
      return {
        ...storedAnswer(reservation.row as IdempotencyKeyRow | undefined, requestHash),
        replayed: true,
      } as UploadAnswer;
    }
    try {
      const body = { items: stored.map(toDossierFile) };
      await this.record(user, code, stored, { userId: user.id, key, attempt, status: 201, body: JSON.stringify(body) });
      return { status: 201, body, replayed: false };
    } catch (error) {
      await this.keys.release(user.id, key, attempt).catch(() => undefined);
      throw error;
    }
  }

  /**
   * Files handed over in code rather than in a request (the demo seed): the same checks of the
   * placement and the content, the same store, commit and audit as `upload`; all stored or none.
   */
  async add(
    user: AuthUser,
    code: string,
    fields: { kind: FileKind; documentKey?: string; taskId?: string },
    files: readonly { fileName: string; body: Readable }[],
  ): Promise<{ items: DossierFile[] }> {
    const context = await this.openContext(user, code);
    const partFields: Record<string, string> = {
      kind: fields.kind,
      ...(fields.documentKey ? { documentKey: fields.documentKey } : {}),
      ...(fields.taskId ? { taskId: fields.taskId } : {}),
    };
    const stored: DossierFileRow[] = [];
    try {
      const placement = await this.place(context, partFields);
      for (const file of files)
        stored.push(
          await this.store(user, context, placement, {
            field: 'file',
            fields: partFields,
            fileName: file.fileName,
            stream: file.body,
          }),
        );
      if (stored.length === 0) throw AppError.badRequest('FILE_MISSING', 'No file to add');
    } catch (error) {
      await this.discard(stored);
      throw error;
    }
    return this.record(user, code, stored);
  }

  /** The dossier a caller may add files to: readable by them and not closed. */
  private async openContext(user: AuthUser, code: string): Promise<DossierFileContext> {
    // Both reads at once; the context is used only once the access rule has passed.
    const [, context] = await Promise.all([this.dossiers.readable(code, user), this.files.context(code)]);
    if (!context) throw AppError.notFound('DOSSIER_NOT_FOUND', `Dossier ${code} not found`);
    if (CLOSED_STATUSES.includes(context.status)) {
      throw AppError.conflict('DOSSIER_CLOSED', 'Files cannot be added to a closed dossier', {
        status: context.status,
      });
    }
    return context;
  }

  /** Commits the stored files' rows and audits them. */
  private async record(
    user: AuthUser,
    code: string,
    stored: DossierFileRow[],
    key?: KeyedAnswer,
  ): Promise<{ items: DossierFile[] }> {
    // A failed commit leaves the blobs to the sweep: had it committed after all, deleting them would orphan the rows.
    const outcome = await this.files.commit(stored, key);
    if (outcome === 'swept')
      throw new AppError(409, 'UPLOAD_EXPIRED', 'The upload took too long and was discarded; send it again');
    if (outcome === 'key-lost') {
      await this.discard(stored);
      throw AppError.conflict(
        'IDEMPOTENCY_KEY_IN_PROGRESS',
        'Another attempt with this Idempotency-Key took over; wait for its answer and retry',
      );
    }
    await this.audit.record({
      actor: user.username,
      action: 'dossier.files_uploaded',
      subject: `dossier:${code}`,
      data: {
        files: stored.map((f) => ({
          id: f.id,
          kind: f.kind,
          documentKey: f.documentKey,
          taskId: f.taskId,
          fileName: f.fileName,
          size: f.size,
          sha256: f.sha256,
        })),
      },
    });
    return { items: stored.map(toDossierFile) };
  }

  /** `GET /api/dossiers/:code/files`: the dossier's files, oldest first. */
  async list(
    user: AuthUser,
    code: string,
    filter: { kind?: FileKind; taskId?: string } = {},
  ): Promise<{ items: DossierFile[]; total: number }> {
    await this.dossiers.readable(code, user);
    const rows = await this.files.list(code, filter);
    return { items: rows.map(toDossierFile), total: rows.length };
  }

  /** A file and its bytes, for `GET /api/dossiers/:code/files/:id`. */
  async open(user: AuthUser, code: string, id: string): Promise<{ file: DossierFile; body: Readable }> {
    // The access rule and the file's row at once; the rule's answer wins (an outsider learns nothing).
    const [access, file] = await Promise.allSettled([this.dossiers.readable(code, user), this.openRow(code, id)]);
    if (access.status === 'rejected') {
      if (file.status === 'fulfilled') file.value.body.destroy();
      throw access.reason;
    }
    if (file.status === 'rejected') throw file.reason;
    return file.value;
  }

  async openRow(
    code: string,
    id: string,
    allowed: (row: DossierFileRow) => boolean = () => true,
  ): Promise<{ file: DossierFile; body: Readable }> {
    const row = UUID.test(id) ? await this.files.find(code, id) : undefined;
    if (!row || !allowed(row)) throw fileNotFound(id);
    return { file: toDossierFile(row), body: await this.storage.get(row.storageKey) };
  }

  /** Checks the fields before a file against the dossier: a listed document, an open step of its process. */
  private async place(context: DossierFileContext, fields: Readonly<Record<string, string>>): Promise<Placement> {
    const kind = fields.kind;
    if (!isFileKind(kind))
      throw AppError.badRequest(
        'FILE_KIND_INVALID',
        'Send the field kind ("document", "attachment" or "result") before the file',
        { kind: kind ?? null },
      );
    const documentKey = fields.documentKey?.trim() || null;
    const taskId = fields.taskId?.trim() || null;
    if (kind === 'document' && (!documentKey || !context.documentKeys.includes(documentKey))) {
      throw AppError.badRequest(
        'FILE_DOCUMENT_KEY_INVALID',
        'A document file needs documentKey, the code of a document the procedure lists',
        { documentKey, documentKeys: context.documentKeys },
      );
    }
    if (kind === 'attachment' || taskId) {
      const status =
        taskId && UUID.test(taskId) && context.instanceId
          ? await this.files.taskStatus(context.instanceId, taskId)
          : undefined;
      if (!status)
        throw AppError.badRequest('FILE_TASK_INVALID', "taskId must be a step of this dossier's process", { taskId });
      if (status !== 'open')
        throw AppError.conflict(
          'FILE_TASK_CLOSED',
          'The step is already completed: attach files before completing it',
          { taskId, status },
        );
    }
    return { kind, documentKey: kind === 'document' ? documentKey : null, taskId };
  }

  /** Streams one file part into the store (the one upload path, {@link FileIntake}); its row is committed by `record`. */
  private async store(
    user: AuthUser,
    context: DossierFileContext,
    placement: Placement,
    part: FilePart,
  ): Promise<DossierFileRow> {
    const blob = await this.intake.take(part, context.code);
    return {
      ...blob,
      dossierCode: context.code,
      ...placement,
      uploadedBy: user.username,
      uploadedAt: this.clock.now(),
    };
  }

  /**
   * A file part of a retried keyed upload: checked and measured as `store` would, nothing stored.
   * The row it answers has no id; only its fingerprint fields are used.
   */
  private async measure(
    user: AuthUser,
    context: DossierFileContext,
    placement: Placement,
    part: FilePart,
  ): Promise<DossierFileRow> {
    if (part.field !== 'file' && part.field !== 'files')
      throw AppError.badRequest(
        'UPLOAD_FIELD_INVALID',
        `Send files in the field "file", not "${part.field.slice(0, 50)}"`,
      );
    const fileName = sanitizeFileName(part.fileName);
    const guard = new UploadGuardStream(this.config.maxBytes);
    const measuring = new MeasuringStream();
    part.stream.on('error', (error) => guard.destroy(error));
    part.stream.pipe(guard);
    try {
      await pipeline(guard, measuring, new Writable({ write: (_chunk, _encoding, done) => done() }));
    } catch (error) {
      part.stream.unpipe(guard);
      throw error;
    }
    const blob = measuring.measured();
    return {
      id: '',
      dossierCode: context.code,
      ...placement,
      fileName,
      contentType: guard.contentType!,
      size: blob.size,
      sha256: blob.sha256,
      storageKey: '',
      uploadedBy: user.username,
      uploadedAt: this.clock.now(),
    };
  }

  /** Removes what a failed request stored (see {@link FileIntake.discard}). */
  private discard(stored: readonly DossierFileRow[]): Promise<void> {
    return this.intake.discard(stored);
  }
}

/** What makes two upload requests the same: the dossier, and each file's placement, name, type and bytes. */
export function uploadFingerprint(code: string, files: readonly DossierFileRow[]): string {
  const parts = files.map((f) => [f.kind, f.documentKey, f.taskId, f.fileName, f.contentType, f.size, f.sha256]);
  return createHash('sha256')
    .update(JSON.stringify(['POST', `/api/dossiers/${code}/files`, parts]))
    .digest('hex');
}

export function fileNotFound(id: string): AppError {
  return AppError.notFound('FILE_NOT_FOUND', `File ${id.slice(0, 60)} not found in this dossier`);
}
