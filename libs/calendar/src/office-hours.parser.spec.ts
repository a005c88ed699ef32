import { CalendarError } from './calendar.error';
import { compileOfficeHours, DEFAULT_OFFICE_HOURS } from './office-hours.parser';

const HOUR = 3_600_000;

describe('compileOfficeHours', () => {
  it('makes the default 07:00–11:30 + 13:30–17:00 one working day of exactly 8 hours', () => {
    // when
    const hours = compileOfficeHours(DEFAULT_OFFICE_HOURS);
    // then
    expect(hours.workingDayMs).toBe(8 * HOUR);
    expect(hours.sessions).toEqual([
      { startMs: 7 * HOUR, endMs: 11.5 * HOUR },
      { startMs: 13.5 * HOUR, endMs: 17 * HOUR },
    ]);
  });

  it('makes a working day the sum of the sessions when a province keeps other hours', () => {
    // given 07:30–11:30 and 13:00–16:30 given out of order
    const hours = compileOfficeHours([
      { start: '13:00', end: '16:30' },
      { start: '07:30', end: '11:30' },
    ]);
    // then 4 h + 3.5 h, sorted
    expect(hours.workingDayMs).toBe(7.5 * HOUR);
    expect(hours.sessions[0].startMs).toBe(7.5 * HOUR);
  });

  it.each([
    ['an empty list', []],
    ['a malformed time', [{ start: '7h', end: '11:30' }]],
    ['an impossible time', [{ start: '07:00', end: '25:00' }]],
    ['a session ending before it starts', [{ start: '11:30', end: '07:00' }]],
    [
      'overlapping sessions',
      [
        { start: '07:00', end: '12:00' },
        { start: '11:00', end: '17:00' },
      ],
    ],
  ])('rejects %s with CALENDAR_INVALID_HOURS', (_label, sessions) => {
    // when
    const compile = () => compileOfficeHours(sessions as never);
    // then
    expect(compile).toThrow(CalendarError);
    expect(compile).toThrow(expect.objectContaining({ code: 'CALENDAR_INVALID_HOURS' }));
  });

  it('names a malformed session in a few characters however long it is (issue 15, item 1)', () => {
    // given a start of 1.9 million characters (the fuzzer's; echoed whole, the 400 cost the event loop 134 ms)
    const start = 'abcdefghij '.repeat(172_728);
    // when
    const compile = () => compileOfficeHours([{ start, end: '11:30' }]);
    // then the message quotes its beginning only
    expect(compile).toThrow(
      expect.objectContaining({ code: 'CALENDAR_INVALID_HOURS', message: expect.stringContaining('abcdefghij') }),
    );
    expect(() => compile()).toThrow(expect.objectContaining({ message: expect.stringMatching(/^.{0,300}$/s) }));
  });
});
