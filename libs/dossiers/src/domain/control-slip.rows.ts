import { vietnamDayNumber, type Pause, type WorkingCalendar } from '../../../calendar/src';

/** One step of the instance as the dossier module reads it (a row of `tasks`). */
export interface StepRow {
  /** The task's id: the step's opinion is found by it. */
  id?: string;
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
  /** The opinion (ý kiến xử lý) written when the step was completed, with its files' names; null when none. */
  opinion?: SlipOpinion | null;
}

/** What the slip prints of a step's opinion. */
export interface SlipOpinion {
  text: string;
  attachments: string[];
}

/** What the slip knows beyond the steps; without it, each step is read as the engine left it. */
export interface SlipContext {
  /** The desk returned the result (a `return` event): when, and who. */
  returned?: { at: Date; by: string | null };
  /** The due time a step is rated against (e.g. {@link dueAroundPauses}); default: as drawn. */
  dueOf?: (step: StepRow) => Date | null;
  /** The officers' opinions, by the task they completed (issue 16). */
  opinions?: readonly { taskId: string; text: string; attachments: readonly { name: string }[] }[];
}

/** The statistics (Biểu II.06a) count early/on time by Vietnam day. */
const vietnamDay = vietnamDayNumber;

/**
 * The control slip from the steps, oldest first (TT 01/2018/TT-VPCP Form 05): each step is a
 * handover from whoever finished the previous one (the desk that received the dossier for the
 * first) to the unit and person of the step.
 */
export function controlSlip(
  receivedBy: { unitCode: string; user: string },
  steps: readonly StepRow[],
  context: SlipContext = {},
): HandoverRow[] {
  let from: { unitCode: string; user: string | null } = receivedBy;
  return steps.map((drawn, i) => {
    const ended = i === steps.length - 1 && context.returned ? endedByReturn(drawn, context.returned) : drawn;
    const step = context.dueOf ? { ...ended, dueAt: context.dueOf(ended) } : ended;
    const to = { unitCode: step.unitCode, user: step.completedBy ?? step.assignee };
    const written = step.id ? context.opinions?.find((o) => o.taskId === step.id) : undefined;
    const opinion = written ? { text: written.text, attachments: written.attachments.map((a) => a.name) } : null;
    const row: HandoverRow = {
      step: step.name,
      from,
      to,
      at: step.createdAt,
      due: step.dueAt,
      completedAt: step.completedAt,
      result: resultOf(step),
      opinion,
    };
    if (step.completedAt) from = to;
    return row;
  });
}

/**
 * The desk's return (`/return`) correlates a message that cancels the step waiting for it: on
 * the slip that step was done, by the officer who handed the result over, when they did.
 */
function endedByReturn(step: StepRow, returned: NonNullable<SlipContext['returned']>): StepRow {
  if (step.status === 'completed') return step;
  return {
    ...step,
    status: 'completed',
    completedAt: returned.at,
    completedBy: returned.by ?? step.completedBy ?? step.assignee,
  };
}

/**
 * A step's due time with the supplement pauses during it excluded: the dossier's clock stood
 * still while the citizen completed it (NĐ 61/2018 Art. 19), so the step gets the same working
 * time as drawn, counted around the pauses, on the calendar of the step's unit.
 */
export function dueAroundPauses(
  calendar: Pick<WorkingCalendar, 'workingMillisBetween' | 'addWorkingTime'>,
  step: StepRow,
  pauses: readonly Pause[],
): Date | null {
  if (!step.dueAt || pauses.length === 0) return step.dueAt;
  const allowedMs = calendar.workingMillisBetween(step.createdAt, step.dueAt);
  return calendar.addWorkingTime(step.createdAt, { seconds: allowedMs / 1000 }, pauses);
}

function resultOf(step: StepRow): HandoverRow['result'] {
  if (!step.completedAt || step.status !== 'completed') return null;
  if (!step.dueAt) return 'on_time';
  if (step.completedAt.getTime() > step.dueAt.getTime()) return 'late';
  return vietnamDay(step.completedAt) < vietnamDay(step.dueAt) ? 'early' : 'on_time';
}
