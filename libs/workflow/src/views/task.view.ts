/** The `tasks.status` column. */
export type TaskStatus = 'open' | 'completed' | 'cancelled';

/** A task as clients see it (DESIGN §6; the first eleven names are fixed). */
export interface TaskView {
  id: string;
  elementId: string;
  name: string;
  instanceId: string;
  businessKey: string | null;
  unitCode: string;
  candidateGroups: string[];
  /** Username of the officer who claimed it. */
  assignee: string | null;
  status: TaskStatus;
  createdAt: Date;
  dueAt: Date | null;
  definitionKey: string;
  procedureCode: string | null;
  claimedAt: Date | null;
  completedAt: Date | null;
  completedBy: string | null;
  /** Open and past its due time (flagged by the overdue job, or already past due by the clock). */
  overdue: boolean;
  /** When the overdue job flagged it (and notified the head of the unit); null before. */
  overdueAt: Date | null;
  /** Citizen-facing status while the dossier waits here (`mc:status`). */
  publicStatus: string | null;
  /** Completion form as drawn (`mc:form`). */
  form: unknown;
  /** `mc:action`: the desk action that completes this step (`supplement`, `apology`); null for an inbox step. */
  deskAction: string | null;
  /** Inbox list only: the case's applicant, procedure and appointment (null for a step without a dossier). */
  applicantName?: string | null;
  procedureName?: string | null;
  appointmentAt?: Date | null;
}

/** A `tasks` row joined with its instance's keys. */
export interface TaskRow {
  id: string;
  element_id: string;
  name: string;
  instance_id: string;
  unit_code: string;
  candidate_groups: string[];
  assignee: string | null;
  status: TaskStatus;
  created_at: Date;
  due_at: Date | null;
  overdue_at?: Date | null;
  claimed_at: Date | null;
  completed_at: Date | null;
  completed_by: string | null;
  spec: { status?: string; form?: unknown; action?: string } | null;
  business_key: string | null;
  definition_key: string;
  procedure_code: string | null;
  /** Inbox list only (InboxSubjects). */
  applicant_name?: string | null;
  procedure_name?: string | null;
  appointment_at?: Date | null;
}

export function toTaskView(row: TaskRow, now: Date): TaskView {
  return {
    id: row.id,
    elementId: row.element_id,
    name: row.name,
    instanceId: row.instance_id,
    businessKey: row.business_key,
    unitCode: row.unit_code,
    candidateGroups: row.candidate_groups ?? [],
    assignee: row.assignee,
    status: row.status,
    createdAt: row.created_at,
    dueAt: row.due_at,
    definitionKey: row.definition_key,
    procedureCode: row.procedure_code,
    claimedAt: row.claimed_at,
    completedAt: row.completed_at,
    completedBy: row.completed_by,
    overdue:
      row.status === 'open' && (!!row.overdue_at || (row.due_at !== null && row.due_at.getTime() < now.getTime())),
    overdueAt: row.overdue_at ?? null,
    publicStatus: row.spec?.status ?? null,
    form: row.spec?.form ?? null,
    deskAction: row.spec?.action ?? null,
    ...('applicant_name' in row
      ? {
          applicantName: row.applicant_name ?? null,
          procedureName: row.procedure_name ?? null,
          appointmentAt: row.appointment_at ?? null,
        }
      : {}),
  };
}
