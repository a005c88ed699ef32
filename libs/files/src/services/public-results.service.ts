import { Inject, Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { AppError } from '../../../common/src';
import { LookupKeyService } from '../../../dossiers/src';
import { RESULT_READY_STATUSES } from '../domain/file-kind.rules';
import { DossierFilesRepository, type DossierFileContext } from '../repositories/dossier-files.repository';
import { FILE_STORAGE, type FileStorage } from '../storage/file-storage';
import { toDossierFile, type DossierFile } from './dossier-files.reader';
import { fileNotFound } from './dossier-files.service';

/**
 * Who may see a dossier's results: the caller with the lookup key printed on the receipt, or the signed-in
 * citizen whose verified phone is the applicant's (issue 18 item 4; a stranger's dossier is then not found).
 */
export type ResultAccess = { key: string | undefined } | { citizenPhone: string };

/** What the citizen sees of a result file: no uploader, no step. */
export type PublicResultFile = Pick<DossierFile, 'id' | 'fileName' | 'contentType' | 'size' | 'sha256' | 'uploadedAt'>;

/**
 * The citizen's download of the result (issue 16): the dossier's code and the lookup key printed
 * on the receipt, the same check as the lookup's (`LookupKeyService.matches`), or a citizen token of the
 * applicant's phone; and only for a procedure with `electronicResult` once the result is signed
 * (`result_ready`, `returned`).
 */
@Injectable()
export class PublicResultsService {
  constructor(
    private readonly files: DossierFilesRepository,
    private readonly keys: LookupKeyService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  /** `{items, total, ready}`: no items until the result is ready. */
  async list(
    code: string,
    access: ResultAccess,
  ): Promise<{ items: PublicResultFile[]; total: number; ready: boolean }> {
    const context = await this.authorize(code, access);
    if (!RESULT_READY_STATUSES.includes(context.status)) return { items: [], total: 0, ready: false };
    const items = (await this.files.list(context.code, { kind: 'result' })).map(toPublic);
    return { items, total: items.length, ready: true };
  }

  async open(code: string, access: ResultAccess, id: string): Promise<{ file: DossierFile; body: Readable }> {
    const context = await this.authorize(code, access);
    const row = /^[0-9a-f-]{36}$/i.test(id) ? await this.files.find(context.code, id) : undefined;
    if (!row || row.kind !== 'result' || !RESULT_READY_STATUSES.includes(context.status)) throw fileNotFound(id);
    return { file: toDossierFile(row), body: await this.storage.get(row.storageKey) };
  }

  private async authorize(code: string, access: ResultAccess): Promise<DossierFileContext> {
    const wanted = code.trim().toUpperCase();
    const context = await this.files.context(wanted);
    const notFound = () => AppError.notFound('DOSSIER_NOT_FOUND', 'Không tìm thấy hồ sơ');
    if (!context) throw notFound();
    if ('citizenPhone' in access) {
      if (context.applicantPhone !== access.citizenPhone) throw notFound();
    } else if (!access.key || !this.keys.matches(context.code, access.key, context.lookupKeyHash)) {
      throw AppError.forbidden(
        'LOOKUP_KEY_INVALID',
        'The lookup key printed on the receipt is needed to download the result',
      );
    }
    if (!context.electronicResult) {
      throw AppError.forbidden(
        'ELECTRONIC_RESULT_NOT_ALLOWED',
        'This procedure returns its result on paper only, at the desk',
      );
    }
    return context;
  }
}

function toPublic(file: DossierFile): PublicResultFile {
  return {
    id: file.id,
    fileName: file.fileName,
    contentType: file.contentType,
    size: file.size,
    sha256: file.sha256,
    uploadedAt: file.uploadedAt,
  };
}
