/**
 * A file an officer attached to a step (issue 16): what an opinion keeps of it, so the dialog, the
 * dossier page and Form 05 can name it without another read. Files are append-only, never renamed.
 */
export interface AttachmentRef {
  id: string;
  name: string;
  contentType: string;
  size: number;
}

/**
 * How libs/workflow checks a completion's attachments without depending on libs/files: the files
 * module provides this under `STEP_ATTACHMENTS`. Without a provider no file is attachable.
 */
export interface StepAttachments {
  /**
   * Of `fileIds`, the files that are attachments of dossier `businessKey` uploaded for task
   * `taskId` (while it was open, by its officers), described; ids that are not are left out (the
   * caller refuses them). `username` is the completing officer.
   */
  attachable(input: {
    businessKey: string;
    taskId: string;
    username: string;
    fileIds: readonly string[];
  }): Promise<AttachmentRef[]>;
}
export const STEP_ATTACHMENTS = Symbol('STEP_ATTACHMENTS');
