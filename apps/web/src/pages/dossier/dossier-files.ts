import type { HandoverRow } from '../../api/dossiers.api';
import type { StoredFile } from '../../files';

/** A step of the control slip as the attachments are grouped: its name and when it ran. */
export type StepRow = Pick<HandoverRow, 'step' | 'at' | 'completedAt'> & { taskId?: string | null };

export interface StepFiles {
  /** The step's name, or "Bước xử lý" when no row of the slip matches. */
  step: string;
  at: string | null;
  files: StoredFile[];
}

/** A step known by its task id (an opinion names the step it was written on). */
export interface NamedStep {
  taskId: string;
  step: string;
  createdAt: string;
}

/** The dossier's files sorted out: per listed document, per step (attachments), and the result. */
export interface DossierFiles {
  byDocument: Map<string, StoredFile[]>;
  /** Documents' files whose code is not (or no longer) in the dossier's list. */
  otherDocuments: StoredFile[];
  steps: StepFiles[];
  results: StoredFile[];
}

const byTime = (a: StoredFile, b: StoredFile) =>
  a.uploadedAt.localeCompare(b.uploadedAt) || a.fileName.localeCompare(b.fileName);

/**
 * Sorts the files for the dossier page. An attachment goes to the slip row of its task when the
 * row names it (`taskId`), or under the step an opinion on its task names; else to the step that
 * was open when it was uploaded (the completion
 * dialog uploads just before the step completes); else under "Bước xử lý". Steps keep the
 * slip's order; files within a group are oldest first.
 */
export function groupDossierFiles(
  files: StoredFile[],
  documentCodes: string[],
  history: StepRow[],
  named: NamedStep[] = [],
): DossierFiles {
  const known = new Set(documentCodes);
  const byDocument = new Map<string, StoredFile[]>();
  const otherDocuments: StoredFile[] = [];
  const results: StoredFile[] = [];
  const bySlipRow = new Map<number, StoredFile[]>();
  const byTask = new Map<string, StoredFile[]>();
  const unplaced: StoredFile[] = [];
  const namedTasks = new Map(named.map((n) => [n.taskId, n]));

  for (const file of [...files].sort(byTime)) {
    if (file.kind === 'result') results.push(file);
    else if (file.kind === 'document') {
      if (file.documentKey && known.has(file.documentKey))
        byDocument.set(file.documentKey, [...(byDocument.get(file.documentKey) ?? []), file]);
      else otherDocuments.push(file);
    } else if (file.taskId && namedTasks.has(file.taskId) && !history.some((row) => row.taskId === file.taskId)) {
      byTask.set(file.taskId, [...(byTask.get(file.taskId) ?? []), file]);
    } else {
      const row = stepOf(file, history);
      if (row === -1) unplaced.push(file);
      else bySlipRow.set(row, [...(bySlipRow.get(row) ?? []), file]);
    }
  }
  const steps: StepFiles[] = [
    ...[...bySlipRow.entries()].map(([row, grouped]) => ({
      step: history[row].step,
      at: history[row].at,
      files: grouped,
    })),
    ...[...byTask.entries()].map(([taskId, grouped]) => ({
      step: namedTasks.get(taskId)!.step,
      at: grouped[0].uploadedAt,
      files: grouped,
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  if (unplaced.length) steps.push({ step: 'Bước xử lý', at: null, files: unplaced });
  return { byDocument, otherDocuments, steps, results };
}

function stepOf(file: StoredFile, history: StepRow[]): number {
  if (file.taskId) {
    const named = history.findIndex((row) => row.taskId === file.taskId);
    if (named !== -1) return named;
  }
  const at = Date.parse(file.uploadedAt);
  // The latest step that had started by then and had not yet finished (a minute's grace for the clocks).
  for (let i = history.length - 1; i >= 0; i -= 1) {
    const start = Date.parse(history[i].at);
    const end = history[i].completedAt ? Date.parse(history[i].completedAt!) : Number.POSITIVE_INFINITY;
    if (start <= at && at <= end + 60_000) return i;
  }
  return -1;
}
