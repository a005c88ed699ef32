/** What a file is to the dossier (issue 16). */
export const FILE_KINDS = ['document', 'attachment', 'result'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export function isFileKind(value: unknown): value is FileKind {
  return typeof value === 'string' && (FILE_KINDS as readonly string[]).includes(value);
}

/** Statuses in which nothing more is added to a dossier: it is closed. */
export const CLOSED_STATUSES: readonly string[] = ['returned', 'rejected', 'withdrawn'];

/** Statuses in which the citizen may download the result (the decision is signed). */
export const RESULT_READY_STATUSES: readonly string[] = ['result_ready', 'returned'];
