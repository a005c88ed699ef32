import {
  describeWorkingHours,
  formatStepDuration,
  isStepDuration,
  normalizeStepDuration,
  parseIsoDuration,
  stepDurationDays,
  stepDurationHours,
  wallClockMillis,
} from './step-duration.grammar';

describe('step durations (mc:duration, legal and preview durations)', () => {
  it.each([
    ['2d', 'P2D'],
    ['4h', 'PT4H'],
    ['1d4h', 'P1DT4H'],
    ['30m', 'PT30M'],
    ['0,5d', 'P0.5D'],
    ['1.5D', 'P1.5D'],
    [' P2D ', 'P2D'],
    ['P2D', 'P2D'],
    ['pt4h', 'PT4H'],
    ['P1DT2H', 'P1DT2H'],
  ])('%s reads as %s', (raw, iso) => {
    // given / when / then
    expect(normalizeStepDuration(raw)).toBe(iso);
    expect(isStepDuration(iso)).toBe(true);
  });

  it.each(['', '2 weeks', 'P1W', 'P2W', 'P0W', 'P1M', 'P1Y', 'two days', 'hai ngày', 'd', 'P', 'PT', 'P1DT', '2x'])(
    '%p is refused: working time has no weeks, months or years',
    (raw) => {
      // given / when / then
      expect(normalizeStepDuration(raw)).toBeNull();
      expect(stepDurationHours(raw, 8)).toBeNull();
    },
  );

  it('counts working hours with a working day of 8 hours', () => {
    // given / when / then
    expect(stepDurationHours('2d', 8)).toBe(16);
    expect(stepDurationHours('1d4h', 8)).toBe(12);
    expect(stepDurationHours('1,5d', 8)).toBe(12);
    expect(stepDurationHours('P1DT2H', 8)).toBe(10);
    expect(stepDurationHours('PT90M', 8)).toBe(1.5);
  });

  it('tells a duration written in days from one written in time', () => {
    expect(stepDurationDays('2d')).toBe(2);
    expect(stepDurationDays('P1.5D')).toBe(1.5);
    expect(stepDurationDays('1d4h')).toBeNull();
    expect(stepDurationDays('PT4H')).toBeNull();
    expect(stepDurationDays('abc')).toBeNull();
  });

  it('writes the short form back and describes hours in Vietnamese', () => {
    expect(formatStepDuration(3, 'h')).toBe('3h');
    expect(formatStepDuration(1.5, 'd')).toBe('1.5d');
    expect(formatStepDuration(0, 'd')).toBeUndefined();
    expect(normalizeStepDuration(formatStepDuration(1.333, 'd')!)).toBe('P1.33D');
    expect(describeWorkingHours(20, 8)).toBe('2 ngày 4 giờ làm việc');
    expect(describeWorkingHours(1.5, 8)).toBe('1,5 giờ làm việc');
    expect(describeWorkingHours(0, 8)).toBe('0 giờ');
  });
});

describe('ISO 8601 durations (wall clock)', () => {
  it('parse every designator, case-insensitive, with decimals', () => {
    expect(parseIsoDuration('P1Y2M3W4DT5H6M7.5S')).toEqual({
      years: 1,
      months: 2,
      weeks: 3,
      days: 4,
      hours: 5,
      minutes: 6,
      seconds: 7.5,
    });
    expect(parseIsoDuration('pt0,5h')).toMatchObject({ hours: 0.5 });
  });

  it('refuse what is not a duration', () => {
    for (const text of ['', 'P', 'PT', 'P1H', '2d', 'P1.5M', 'P1DT']) expect(parseIsoDuration(text)).toBeNull();
  });

  it('count a week as 7 days of 24 hours of wall time, and refuse years and months', () => {
    expect(wallClockMillis(parseIsoDuration('P1W')!)).toBe(7 * 86_400_000);
    expect(wallClockMillis(parseIsoDuration('P1DT2H30M')!)).toBe(86_400_000 + 2.5 * 3_600_000);
    expect(wallClockMillis(parseIsoDuration('P1M')!)).toBeNull();
  });
});
