/**
 * The appointment of a dossier as it stood at an instant. Supplements (on receipt of the
 * missing documents) and apologies move the appointment later; each move is a dossier event
 * (`supplement-received`, `apology`) carrying `previousAppointmentAt` and `appointmentAt`.
 * A past period's table must judge with the appointment of that time, not today's.
 */
export interface AppointmentMove {
  at: Date;
  previousAppointmentAt: Date;
  appointmentAt: Date;
}

/** The dossier events that move the appointment. */
export const APPOINTMENT_MOVE_EVENTS = ['supplement-received', 'apology'] as const;

/**
 * The appointment in force just before `at`: the last move before `at`, else the appointment
 * the first move started from, else (no move recorded) the current one.
 */
export function appointmentAsOf(current: Date, moves: readonly AppointmentMove[], at: Date): Date {
  const ordered = [...moves].sort((a, b) => a.at.getTime() - b.at.getTime());
  const before = ordered.filter((move) => move.at.getTime() < at.getTime());
  if (before.length) return before[before.length - 1].appointmentAt;
  return ordered[0]?.previousAppointmentAt ?? current;
}
