import { WorkingCalendar } from '../../../calendar/src';
import { reminderAt, reminderMessage, reminderStillDue } from './appointment-reminder.plan';

/** Default Vietnamese holidays; early July 2025 has none, so only weekends matter here. */
const calendar = new WorkingCalendar({ holidays: [] });
const vn = (day: string, hhmm = '09:00') => new Date(`${day}T${hhmm}:00+07:00`);

describe('appointment reminder plan', () => {
  it('asks one working day before the appointment, across a weekend', () => {
    // given an appointment on Monday 7 July 2025 at 09:00, received the week before
    const appointmentAt = vn('2025-07-07');
    // when / then: Friday 4 July at 09:00
    expect(reminderAt(calendar, appointmentAt, vn('2025-07-01'))).toEqual(vn('2025-07-04'));
  });

  it('counts from the afternoon session back over lunch and the evening', () => {
    // Thursday 14:00 → Wednesday 14:00
    expect(reminderAt(calendar, vn('2025-07-03', '14:00'), vn('2025-07-01'))).toEqual(vn('2025-07-02', '14:00'));
  });

  it('plans nothing when that moment is already past (same-day procedures, a new date less than a day ahead)', () => {
    // received 09:00, due 17:00 the same day
    expect(reminderAt(calendar, vn('2025-07-01', '17:00'), vn('2025-07-01'))).toBeNull();
    // exactly one working day ahead: the moment is now, nothing to wait for
    expect(reminderAt(calendar, vn('2025-07-02'), vn('2025-07-01'))).toBeNull();
  });

  it('still asks only while the dossier runs against the appointment it was planned for', () => {
    const appointmentAt = vn('2025-07-07');
    const payload = { code: 'X', appointmentAt: appointmentAt.toISOString() };
    expect(reminderStillDue({ status: 'processing', appointmentAt }, payload)).toBe(true);
    expect(reminderStillDue({ status: 'financial_obligation', appointmentAt }, payload)).toBe(true);
    for (const status of ['result_ready', 'returned', 'rejected', 'withdrawn', 'supplement_required'] as const) {
      expect([status, reminderStillDue({ status, appointmentAt }, payload)]).toEqual([status, false]);
    }
    // a moved appointment makes the job stale
    expect(reminderStillDue({ status: 'processing', appointmentAt: vn('2025-07-09') }, payload)).toBe(false);
    expect(reminderStillDue({ status: 'processing', appointmentAt }, null)).toBe(false);
  });

  it('words the request in Vietnamese with the appointment in Vietnam time', () => {
    const { title, body } = reminderMessage({
      code: 'H15-250701-0001',
      procedureName: 'Đăng ký thành lập hộ kinh doanh',
      appointmentAt: vn('2025-07-07'),
    });
    expect(title).toBe('Sắp đến hạn trả kết quả: H15-250701-0001');
    expect(body).toContain('hẹn trả kết quả lúc 09:00 ngày 07/07/2025');
    expect(body).toContain('Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)');
  });
});
