import type { WorkingCalendar } from '../../../calendar/src';
import { vietnamDateTime } from '../forms/vietnam-time.format';
import type { DossierStatus } from '../domain/dossier-status.machine';

/** What the reminder job carries: the dossier and the appointment it was planned for. */
export interface ReminderPayload {
  code: string;
  appointmentAt: string;
}

/**
 * When the leader must be asked for an apology and a new date: one working day before the
 * appointment (DOMAIN "A late dossier": the apology goes out at the latest one working day
 * before), on the receiving unit's calendar. Null when that moment has already passed, e.g. a
 * same-day procedure or a new date set less than a working day ahead: there is nobody to
 * remind in time, and the leader who just set the date knows it.
 */
export function reminderAt(
  calendar: Pick<WorkingCalendar, 'subtractWorkingTime'>,
  appointmentAt: Date,
  now: Date,
): Date | null {
  const at = calendar.subtractWorkingTime(appointmentAt, 'P1D');
  return at.getTime() > now.getTime() ? at : null;
}

/** Statuses in which the dossier still runs against its appointment (resolved, closed or paused ones do not). */
const RUNNING_AGAINST_APPOINTMENT: readonly DossierStatus[] = ['received', 'processing', 'financial_obligation'];

/**
 * Whether a reminder job, when it runs, still has to ask: the dossier is unresolved and not
 * paused, and its appointment is the one the job was planned for (a moved appointment has its
 * own job; this one is stale).
 */
export function reminderStillDue(
  dossier: { status: DossierStatus; appointmentAt: Date },
  payload: Partial<ReminderPayload> | null,
): boolean {
  if (!RUNNING_AGAINST_APPOINTMENT.includes(dossier.status)) return false;
  return !!payload?.appointmentAt && new Date(payload.appointmentAt).getTime() === dossier.appointmentAt.getTime();
}

/** The leader's notification (Vietnamese, shown in the bell). */
export function reminderMessage(d: { code: string; procedureName: string; appointmentAt: Date }): {
  title: string;
  body: string;
} {
  return {
    title: `Sắp đến hạn trả kết quả: ${d.code}`,
    body:
      `Hồ sơ ${d.code} (${d.procedureName}) hẹn trả kết quả lúc ${vietnamDateTime(d.appointmentAt)} nhưng chưa giải quyết xong. ` +
      'Nếu không kịp trả đúng hẹn, đề nghị ký Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04) với ngày hẹn mới.',
  };
}
