import { Injectable } from '@nestjs/common';
import type { AttachmentRef, StepAttachments } from '../../../common/src';
import { DossierFilesReader } from './dossier-files.reader';

/**
 * `STEP_ATTACHMENTS` for libs/workflow (issue 16): a completion may attach the files uploaded to
 * its dossier as attachments of that very step (`kind=attachment`, its `taskId`). The step is
 * open while files are uploaded for it, so only its officers had the chance to.
 */
@Injectable()
export class StepAttachmentsAdapter implements StepAttachments {
  constructor(private readonly files: DossierFilesReader) {}

  async attachable(input: {
    businessKey: string;
    taskId: string;
    fileIds: readonly string[];
  }): Promise<AttachmentRef[]> {
    const uploaded = await this.files.listFiles(input.businessKey, { kind: 'attachment', taskId: input.taskId });
    return uploaded
      .filter((file) => input.fileIds.includes(file.id))
      .map((file) => ({ id: file.id, name: file.fileName, contentType: file.contentType, size: file.size }));
  }
}
