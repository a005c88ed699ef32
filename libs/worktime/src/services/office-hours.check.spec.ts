import { CalendarError } from '../../../calendar/src';
import { checkOfficeHours, usableOfficeHours } from './office-hours.check';

describe('checkOfficeHours', () => {
  it('sorts valid sessions by start and drops extra fields', () => {
    const sessions = [
      { start: '13:30', end: '17:00', note: 'chiều' },
      { start: '07:00', end: '11:30' },
    ];
    expect(checkOfficeHours(sessions)).toEqual([
      { start: '07:00', end: '11:30' },
      { start: '13:30', end: '17:00' },
    ]);
  });

  it.each([
    ['not a list', { start: '07:00', end: '11:30' }],
    ['an empty list', []],
    [
      'overlapping sessions',
      [
        { start: '07:00', end: '12:00' },
        { start: '11:00', end: '17:00' },
      ],
    ],
    ['an end before the start', [{ start: '17:00', end: '13:00' }]],
    ['a malformed time', [{ start: '7:00', end: '11:30' }]],
  ])('refuses %s with CALENDAR_INVALID_HOURS', (_, input) => {
    expect(() => checkOfficeHours(input)).toThrow(
      expect.objectContaining({ code: 'CALENDAR_INVALID_HOURS' }) as CalendarError,
    );
  });
});

describe('usableOfficeHours', () => {
  it('reads a list or {sessions}, and gives undefined for null or bad data', () => {
    const sessions = [{ start: '07:00', end: '11:00' }];
    expect(usableOfficeHours(sessions)).toEqual(sessions);
    expect(usableOfficeHours({ sessions })).toEqual(sessions);
    expect(usableOfficeHours(null)).toBeUndefined();
    expect(usableOfficeHours({ sessions: 'all day' })).toBeUndefined();
    expect(usableOfficeHours([{ start: '11:00', end: '07:00' }])).toBeUndefined();
  });
});
