import { vn, wallClock, weekendsOnly } from './__tests__/vietnam-time.fixture';
import { WorkingCalendar } from './working-calendar.facade';

// March 2026: Monday 2 … Friday 6, weekend 7–8, Monday 9.
const calendar = new WorkingCalendar({ holidays: weekendsOnly });
const appointment = (received: string, legalTime: Parameters<WorkingCalendar['appointmentFor']>[1]) =>
  wallClock(calendar.appointmentFor(vn(received), legalTime));

describe('appointmentFor (ngày hẹn trả)', () => {
  describe('a procedure with a legal time in working days or hours', () => {
    it.each([
      ['received Monday 09:00 with 3 days → Thursday 09:00', '2026-03-02T09:00', { days: 3 }, '2026-03-05T09:00'],
      ['received Monday 09:00 with P15D → three weeks later', '2026-03-02T09:00', 'P15D', '2026-03-23T09:00'],
      [
        'received after closing with 1 day → closing of the next day',
        '2026-03-02T18:00',
        { days: 1 },
        '2026-03-03T17:00',
      ],
      [
        'received in the lunch break with 4 h → counting from 13:30',
        '2026-03-02T12:00',
        { hours: 4 },
        '2026-03-03T07:30',
      ],
      ['received on Sunday with 1 day → Monday closing', '2026-03-08T09:00', { days: 1 }, '2026-03-09T17:00'],
      ['sameDay: false is an ordinary duration', '2026-03-02T09:00', { days: 1, sameDay: false }, '2026-03-03T09:00'],
    ])('%s', (_rule, received, legalTime, expected) => {
      // when / then
      expect(appointment(received, legalTime)).toBe(expected);
    });
  });

  describe('a same-day procedure (15:00 cut-off)', () => {
    it.each([
      ['received Monday 14:59 → Monday closing', '2026-03-02T14:59', '2026-03-02T17:00'],
      ['received Monday 15:00 → Tuesday closing', '2026-03-02T15:00', '2026-03-03T17:00'],
      ['received Friday 15:30 → Monday closing', '2026-03-06T15:30', '2026-03-09T17:00'],
      ['received Monday 06:30 (before opening) → Monday closing', '2026-03-02T06:30', '2026-03-02T17:00'],
      ['received Monday 17:30 (after closing) → Tuesday closing', '2026-03-02T17:30', '2026-03-03T17:00'],
      ['received Saturday → Monday closing', '2026-03-07T10:00', '2026-03-09T17:00'],
      ['received in the lunch break → the same day', '2026-03-02T12:00', '2026-03-02T17:00'],
    ])('%s', (_rule, received, expected) => {
      // when / then
      expect(appointment(received, { sameDay: true })).toBe(expected);
    });

    it('uses a province’s own cut-off', () => {
      // given a 16:00 cut-off
      const late = new WorkingCalendar({ holidays: weekendsOnly, sameDayCutoff: '16:00' });
      // when / then
      expect(wallClock(late.appointmentFor(vn('2026-03-02T15:30'), { sameDay: true }))).toBe('2026-03-02T17:00');
    });

    it('rejects a same-day legal time that also gives days with CALENDAR_INVALID_DURATION', () => {
      // when / then
      expect(() => calendar.appointmentFor(vn('2026-03-02T09:00'), { sameDay: true, days: 1 })).toThrow(
        expect.objectContaining({ code: 'CALENDAR_INVALID_DURATION' }),
      );
    });
  });

  describe('with pauses for the citizen’s supplement', () => {
    it('moves the appointment by the working time waited', () => {
      // given received Monday 09:00 with 2 days (due Wednesday 09:00), waiting Monday 14:00 → Tuesday 10:00 (6 working hours)
      const pauses = [{ from: vn('2026-03-02T14:00'), to: vn('2026-03-03T10:00') }];
      // when
      const due = calendar.appointmentFor(vn('2026-03-02T09:00'), { days: 2 }, pauses);
      // then
      expect(wallClock(due)).toBe('2026-03-04T17:00'); // 09:00 + 2.5 h + 3.5 h
    });

    it('moves a same-day appointment too', () => {
      // given received Monday 09:00, same day, waiting 10:00 → 11:00
      const pauses = [{ from: vn('2026-03-02T10:00'), to: vn('2026-03-02T11:00') }];
      // when / then one hour past Monday closing
      expect(wallClock(calendar.appointmentFor(vn('2026-03-02T09:00'), { sameDay: true }, pauses))).toBe(
        '2026-03-03T08:00',
      );
    });

    it('ignores a pause that ended before the dossier was received', () => {
      // given
      const pauses = [{ from: vn('2026-02-27T09:00'), to: vn('2026-02-27T10:00') }];
      // when / then
      expect(wallClock(calendar.appointmentFor(vn('2026-03-02T09:00'), { days: 1 }, pauses))).toBe('2026-03-03T09:00');
    });
  });
});
