import { WorkingCalendar } from '../../../calendar/src';
import { AppError } from '../../../common/src';
import { appointmentProposals, checkNewAppointment } from './new-appointment.rules';

/** An instant in Vietnam (UTC+7). */
const vn = (day: string, hhmm = '09:00') => new Date(`${day}T${hhmm}:00+07:00`);
const calendar = new WorkingCalendar({ holidays: [] }); // Vietnam's default holidays

/** The code `checkNewAppointment` refuses with, or 'ok'. */
function verdict(proposed: Date, appointmentAt = vn('2025-08-29', '17:00'), now = vn('2025-08-27')): string {
  try {
    checkNewAppointment(calendar, { proposed, appointmentAt, now });
    return 'ok';
  } catch (error) {
    return (error as AppError).code;
  }
}

describe('a new appointment (Form 04)', () => {
  it('must be a working day of the calendar, in office hours, later than the current appointment and not past', () => {
    // given an appointment on Friday 29 August 2025 17:00, asked on Wednesday 27
    // then
    expect(verdict(vn('2025-08-30'))).toBe('APPOINTMENT_NOT_WORKING_DAY'); // Saturday
    expect(verdict(vn('2025-08-31'))).toBe('APPOINTMENT_NOT_WORKING_DAY'); // Sunday
    expect(verdict(vn('2025-09-02'))).toBe('APPOINTMENT_NOT_WORKING_DAY'); // National Day
    expect(verdict(vn('2025-09-03', '20:00'))).toBe('APPOINTMENT_OUTSIDE_OFFICE_HOURS');
    expect(verdict(vn('2025-09-03', '12:00'))).toBe('APPOINTMENT_OUTSIDE_OFFICE_HOURS'); // lunch break
    expect(verdict(vn('2025-08-28'))).toBe('APPOINTMENT_INVALID'); // before the current one
    expect(verdict(new Date('not a date'))).toBe('APPOINTMENT_INVALID');
    expect(verdict(vn('2025-09-03'), vn('2025-08-20', '17:00'), vn('2025-09-04'))).toBe('APPOINTMENT_IN_PAST');
    expect(verdict(vn('2025-09-03'))).toBe('ok');
    expect(verdict(vn('2025-09-03', '17:00'))).toBe('ok'); // the end of the afternoon session
    expect(verdict(vn('2025-09-03', '11:30'))).toBe('ok'); // the end of the morning session
  });

  it('proposes the next working days after the appointment, skipping the weekend and the holiday, each one accepted', () => {
    // given the appointment on Friday 29 August 2025 17:00 (Monday 1 and Tuesday 2 September are holidays)
    const proposals = appointmentProposals(calendar, vn('2025-08-29', '17:00'), vn('2025-08-27'), 3);
    // then
    expect(proposals.map((p) => p.at.toISOString())).toEqual(
      [vn('2025-09-03', '17:00'), vn('2025-09-04', '17:00'), vn('2025-09-05', '17:00')].map((d) => d.toISOString()),
    );
    expect(proposals.map((p) => verdict(p.at))).toEqual(['ok', 'ok', 'ok']);
  });

  it('counts from now when the appointment has passed', () => {
    // given an appointment passed on Wednesday 20 August, and now Thursday 21 at 10:00
    const proposals = appointmentProposals(calendar, vn('2025-08-20', '17:00'), vn('2025-08-21', '10:00'), 2);
    // then
    expect(proposals.map((p) => p.at.toISOString())).toEqual([
      vn('2025-08-22', '10:00').toISOString(),
      vn('2025-08-25', '10:00').toISOString(),
    ]);
  });
});
