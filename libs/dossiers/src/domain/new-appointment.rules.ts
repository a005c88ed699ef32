import { AppError } from '../../../common/src';
import type { WorkingCalendar } from '../../../calendar/src';

/** How many dates the apology dialog proposes (the appointment + 1 … + N working days). */
export const PROPOSAL_COUNT = 5;

const MINUTE_MS = 60_000;

/** A date the apology dialog offers: `workingDays` after the later of the appointment and now. */
export interface AppointmentProposal {
  at: Date;
  workingDays: number;
}

/**
 * The dates an apology (Form 04) may propose: 1 … `count` working days after the current
 * appointment, or after now when the appointment has already passed. Each is a working instant
 * of the unit's calendar, so {@link checkNewAppointment} accepts every one.
 */
export function appointmentProposals(
  calendar: WorkingCalendar,
  appointmentAt: Date,
  now: Date,
  count = PROPOSAL_COUNT,
): AppointmentProposal[] {
  const base = appointmentAt.getTime() > now.getTime() ? appointmentAt : now;
  return Array.from({ length: count }, (_, i) => ({
    at: calendar.addWorkingTime(base, { days: i + 1 }),
    workingDays: i + 1,
  }));
}

/**
 * The rules of a new appointment (DOMAIN "A late dossier"; NĐ 61/2018 Art. 19): later than the
 * current one (400 `APPOINTMENT_INVALID`), not in the past (`APPOINTMENT_IN_PAST`), on a working
 * day of the unit's calendar (`APPOINTMENT_NOT_WORKING_DAY`: a citizen sent on a Saturday or a
 * holiday finds the office closed), within office hours (`APPOINTMENT_OUTSIDE_OFFICE_HOURS`; the
 * end of a session counts, as the computed appointments end there). The details carry the
 * proposals, so a client can offer valid dates at once.
 */
export function checkNewAppointment(
  calendar: WorkingCalendar,
  input: { proposed: Date; appointmentAt: Date; now: Date },
): void {
  const { proposed, appointmentAt, now } = input;
  const details = () => ({
    appointmentAt,
    proposals: appointmentProposals(calendar, appointmentAt, now).map((p) => p.at),
  });
  if (Number.isNaN(proposed.getTime()) || proposed.getTime() <= appointmentAt.getTime()) {
    throw AppError.badRequest(
      'APPOINTMENT_INVALID',
      'The new appointment must be later than the current one',
      details(),
    );
  }
  if (proposed.getTime() <= now.getTime()) {
    throw AppError.badRequest('APPOINTMENT_IN_PAST', 'The new appointment must be in the future', details());
  }
  if (!calendar.isWorkingDay(proposed)) {
    throw AppError.badRequest(
      'APPOINTMENT_NOT_WORKING_DAY',
      "The new appointment falls on a weekend or holiday of the unit's calendar: pick a working day",
      details(),
    );
  }
  if (!isWithinOfficeHours(calendar, proposed)) {
    throw AppError.badRequest(
      'APPOINTMENT_OUTSIDE_OFFICE_HOURS',
      'The new appointment is outside office hours: pick a time when the desk is open',
      details(),
    );
  }
}

/** Open at `at`, or at the end of a session (the minute before it was working time). */
function isWithinOfficeHours(calendar: WorkingCalendar, at: Date): boolean {
  return (
    calendar.nextOpening(at).getTime() === at.getTime() ||
    calendar.workingMillisBetween(new Date(at.getTime() - MINUTE_MS), at) > 0
  );
}
