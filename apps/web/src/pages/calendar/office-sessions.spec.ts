import { describe, expect, it } from '@jest/globals';
import { formatMinutes, sessionProblems, toSessionRows, workingDayMinutes } from './office-sessions';

describe('office sessions', () => {
  it('sum the default day to 8 hours', () => {
    const rows = toSessionRows([
      { start: '07:00', end: '11:30' },
      { start: '13:30', end: '17:00' },
    ]);
    expect(sessionProblems(rows)).toEqual([]);
    expect(formatMinutes(workingDayMinutes(rows))).toBe('8 giờ');
  });

  it('say what is wrong: missing times, reversed, overlapping, none', () => {
    expect(sessionProblems([])).toEqual(['Cần ít nhất một ca làm việc.']);
    expect(sessionProblems([{ key: 'a', start: '07:00', end: null }])[0]).toContain('chưa chọn đủ giờ');
    expect(sessionProblems(toSessionRows([{ start: '17:00', end: '13:00' }]))[0]).toContain('phải sau giờ bắt đầu');
    expect(
      sessionProblems(
        toSessionRows([
          { start: '13:00', end: '17:00' },
          { start: '07:00', end: '14:00' },
        ]),
      ),
    ).toEqual(['Ca 07:00–14:00 và ca 13:00–17:00 bị chồng lên nhau.']);
  });

  it('format odd lengths in hours and minutes', () => {
    expect(formatMinutes(450)).toBe('7 giờ 30 phút');
  });
});
