import { Injectable } from '@nestjs/common';
import { AppError } from '../../../common/src';
import { DossierFilesRepository, type DossierFileRow } from '../repositories/dossier-files.repository';
import type { FileKind } from '../domain/file-kind.rules';

/** A stored file as the API answers it (`storageKey` stays inside). */
export type DossierFile = Omit<DossierFileRow, 'storageKey'>;

export function toDossierFile({ storageKey, ...file }: DossierFileRow): DossierFile {
  return file;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What other modules ask of a dossier's files, without HTTP or access checks of its own (the
 * caller has checked the dossier): the opinions of a step reference attachments by id.
 */
@Injectable()
export class DossierFilesReader {
  constructor(private readonly files: DossierFilesRepository) {}

  /** The dossier's files, oldest first; `kind`/`taskId` narrow the list. */
  async listFiles(dossierCode: string, filter: { kind?: FileKind; taskId?: string } = {}): Promise<DossierFile[]> {
    return (await this.files.list(dossierCode, filter)).map(toDossierFile);
  }

  /**
   * The files `fileIds` as attachments of step `taskId` of the dossier, in the order given; 400
   * `FILE_NOT_ATTACHABLE` (details `{fileIds}`: the ids that are not) when one is unknown, of
   * another dossier, not an attachment, or uploaded for another step.
   */
  async assertAttachable(dossierCode: string, fileIds: readonly string[], taskId: string): Promise<DossierFile[]> {
    const wanted = [...new Set(fileIds)];
    if (wanted.length === 0) return [];
    const valid = wanted.filter((id) => typeof id === 'string' && UUID.test(id));
    const rows = valid.length ? await this.files.list(dossierCode, { ids: valid }) : [];
    const byId = new Map(rows.filter((r) => r.kind === 'attachment' && r.taskId === taskId).map((r) => [r.id, r]));
    const refused = wanted.filter((id) => !byId.has(id));
    if (refused.length) {
      throw AppError.badRequest(
        'FILE_NOT_ATTACHABLE',
        'Attach only files uploaded to this dossier as attachments of this step (kind "attachment" with its taskId)',
        { fileIds: refused },
      );
    }
    return wanted.map((id) => toDossierFile(byId.get(id)!));
  }
}
