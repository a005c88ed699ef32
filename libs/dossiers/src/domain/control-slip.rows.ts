/** One step of the instance as the dossier module reads it (a row of `tasks`). */
export interface StepRow {
  name: string;
  unitCode: string;
  assignee: string | null;
  createdAt: Date;
  dueAt: Date | null;
  completedAt: Date | null;
  completedBy: string | null;
  status: string;
}

/** A row of the control slip (Form 05): one handover, its due time and how it went. */
export interface HandoverRow {
  step: string;
  from: { unitCode: string; user: string | null };
  to: { unitCode: string; user: string | null };
  at: Date;
  due: Date | null;
  completedAt: Date | null;
  /** Early: finished on a day before the due day; on time: by the due time; late: after it. Null while open or cancelled. */
  result: 'early' | 'on_time' | 'late' | null;
}

/** Vietnam is UTC+7 all year; the statistics (Biểu II.06a) count early/on time by day. */
const VN_OFFSET_MS = 7 * 3_600_000;
const vietnamDay = (at: Date) => Math.floor((at.getTime() + VN_OFFSET_MS) / 86_400_000);

/**
 * The control slip from the steps, oldest first (TT 01/2018/TT-VPCP Form 05): each step is a
 * handover from whoever finished the previous one (the desk that received the dossier for the
 * first) to the unit and person of the step.
 */
export function controlSlip(receivedBy: { unitCode: string; user: string }, steps: readonly StepRow[]): HandoverRow[] {
  let from: { unitCode: string; user: string | null } = receivedBy;
  return steps.map((step) => {
    const to = { unitCode: step.unitCode, user: step.completedBy ?? step.assignee };
    const row: HandoverRow = { step: step.name, from, to, at: step.createdAt, due: step.dueAt, completedAt: step.completedAt, result: resultOf(step) };
    if (step.completedAt) from = to;
    return row;
  });
}

function resultOf(step: StepRow): HandoverRow['result'] {
  if (!step.completedAt || step.status !== 'completed') return null;
  if (!step.dueAt) return 'on_time';
  if (step.completedAt.getTime() > step.dueAt.getTime()) return 'late';
  return vietnamDay(step.completedAt) < vietnamDay(step.dueAt) ? 'early' : 'on_time';
}
