import { createHash } from 'node:crypto';

/** Job kinds of step deadlines and of the dossier's appointment (DESIGN §4 "timers that matter to people"). */
export const DEADLINE_WARNING = 'deadline.warning';
export const DEADLINE_OVERDUE = 'deadline.overdue';
/** Scheduled by the dossier module one working day before the appointment; its handler is registered there. */
export const APPOINTMENT_REMINDER = 'appointment.reminder';

export type DeadlineKind = typeof DEADLINE_WARNING | typeof DEADLINE_OVERDUE;

/**
 * The id of a task's deadline job, derived from the task id: a command that closes a task can
 * cancel (and drop from BullMQ) its deadline jobs by primary key without reading them first.
 */
export function deadlineJobId(taskId: string, kind: DeadlineKind): string {
  const hex = createHash('sha1').update(`${kind}\u0000${taskId}`).digest('hex');
  // RFC 4122 layout, version 5 (name-based, SHA-1).
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Both deadline job ids of each task. */
export function deadlineJobIds(taskIds: readonly string[]): string[] {
  return taskIds.flatMap((id) => [deadlineJobId(id, DEADLINE_WARNING), deadlineJobId(id, DEADLINE_OVERDUE)]);
}
