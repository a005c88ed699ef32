import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  AppError,
  missingForCompletion,
  readOpinionRules,
  STEP_ATTACHMENTS,
  UNIT_DIRECTORY,
  type AttachmentRef,
  type AuthUser,
  type StepAttachments,
  type UnitDirectory,
} from '../../../common/src';
import type { OpinionDraft } from './opinions.repository';

/** What a completion request carries besides its variables (docs/design.md §6). */
export interface CompletionInput {
  variables: Record<string, unknown>;
  opinion?: string;
  /** File ids uploaded for this task (`POST /api/dossiers/:code/files`, kind `attachment`). */
  attachments?: string[];
}

const MESSAGES = {
  OPINION_REQUIRED: 'This step requires an opinion (ý kiến xử lý) for the chosen outcome',
  ATTACHMENT_REQUIRED: 'This step requires at least one attached file for the chosen outcome',
} as const;

/**
 * Reads a completion's opinion against the step's form: refuses what the form requires and is
 * missing, and attachments that are not this officer's uploads for this task of this dossier;
 * returns what to store with the completion (null when there is nothing to store).
 */
@Injectable()
export class CompletionOpinionService {
  constructor(
    @Optional() @Inject(UNIT_DIRECTORY) private readonly directory?: UnitDirectory,
    @Optional() @Inject(STEP_ATTACHMENTS) private readonly files?: StepAttachments,
  ) {}

  /**
   * The opinion of a completion: its `opinion`, or else the `note` variable (how forms and
   * clients wrote it before opinions existed). Throws 400 `OPINION_REQUIRED`, `ATTACHMENT_REQUIRED`, `FILE_NOT_ATTACHABLE`.
   */
  async draft(
    user: AuthUser,
    task: { id: string; form: unknown },
    businessKey: string | null,
    input: CompletionInput,
  ): Promise<OpinionDraft | null> {
    const rules = readOpinionRules(task.form);
    const note = input.variables.note;
    const text = (input.opinion ?? (typeof note === 'string' ? note : '')).trim();
    const fileIds = [...new Set(input.attachments ?? [])];
    const outcome = typeof input.variables.outcome === 'string' ? input.variables.outcome : undefined;
    const missing = missingForCompletion(rules, { outcome, opinion: text, attachments: fileIds.length });
    if (missing) throw AppError.badRequest(missing, MESSAGES[missing]);
    if (!text && fileIds.length === 0) return null;
    const [attachments, unitName] = await Promise.all([
      this.attachable(user, task.id, businessKey, fileIds),
      this.unitName(user.unitCode),
    ]);
    return {
      text,
      attachments,
      outcome: outcome ?? null,
      author: { username: user.username, fullName: user.fullName || user.username, unitCode: user.unitCode, unitName },
    };
  }

  private async attachable(
    user: AuthUser,
    taskId: string,
    businessKey: string | null,
    fileIds: string[],
  ): Promise<AttachmentRef[]> {
    if (fileIds.length === 0) return [];
    const found =
      businessKey && this.files
        ? await this.files.attachable({ businessKey, taskId, username: user.username, fileIds })
        : [];
    const refused = fileIds.filter((id) => !found.some((file) => file.id === id));
    if (refused.length) {
      throw AppError.badRequest(
        'FILE_NOT_ATTACHABLE',
        `Files ${refused.join(', ')} are not attachments you uploaded for this step of the dossier`,
        { fileIds: refused },
      );
    }
    return fileIds.map((id) => found.find((file) => file.id === id)!);
  }

  private async unitName(unitCode: string): Promise<string> {
    return (await this.directory?.unitName?.(unitCode).catch(() => undefined)) ?? unitCode;
  }
}
