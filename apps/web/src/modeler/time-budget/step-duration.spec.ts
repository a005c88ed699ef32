import { describe, expect, it } from '@jest/globals';
import { describeWorkingHours, formatStepDuration, toEditable, workingHours } from './step-duration';

describe('step durations (mc:duration)', () => {
  it('reads the forms the engine accepts as working hours', () => {
    // given / when / then: a working day is 8 hours
    expect(workingHours('2d')).toBe(16);
    expect(workingHours('4h')).toBe(4);
    expect(workingHours('1d4h')).toBe(12);
    expect(workingHours('1,5d')).toBe(12);
    expect(workingHours('P2D')).toBe(16);
    expect(workingHours('PT4H')).toBe(4);
    expect(workingHours('P1DT2H')).toBe(10);
  });

  it('refuses what the engine refuses', () => {
    for (const raw of ['', 'hai ngày', 'P1M', 'P1W', 'P', 'PT', '2x']) expect(workingHours(raw)).toBeNull();
  });

  it('edits days as days and anything else as hours', () => {
    expect(toEditable('2d')).toEqual({ amount: 2, unit: 'd' });
    expect(toEditable('P3D')).toEqual({ amount: 3, unit: 'd' });
    expect(toEditable('1d4h')).toEqual({ amount: 12, unit: 'h' });
    expect(toEditable('abc')).toBeNull();
  });

  it('writes an amount back, and nothing for no amount', () => {
    expect(formatStepDuration(3, 'h')).toBe('3h');
    expect(formatStepDuration(1.5, 'd')).toBe('1.5d');
    expect(formatStepDuration(undefined, 'd')).toBeUndefined();
    expect(formatStepDuration(0, 'd')).toBeUndefined();
  });

  it('describes hours in Vietnamese', () => {
    expect(describeWorkingHours(20)).toBe('2 ngày 4 giờ làm việc');
    expect(describeWorkingHours(24)).toBe('3 ngày làm việc');
    expect(describeWorkingHours(0)).toBe('0 giờ');
  });
});
