import { describe, expect, it } from '@jest/globals';
import { dueDateToDuration } from './vendor-assignments';

describe('dueDateToDuration (Camunda due dates → mc:duration)', () => {
  it('converts due dates relative to the task creation', () => {
    expect(dueDateToDuration('P2D')).toBe('2d');
    expect(dueDateToDuration('PT4H')).toBe('4h');
    expect(dueDateToDuration('${dateTime().plusDays(3).toDate()}')).toBe('3d');
    expect(dueDateToDuration('${dateTime().plusHours(6).toDate()}')).toBe('6h');
    expect(dueDateToDuration('=now() + duration("P1D")')).toBe('1d');
  });

  it('leaves fixed dates and other expressions alone', () => {
    expect(dueDateToDuration('2025-03-10T08:00:00Z')).toBeNull();
    expect(dueDateToDuration('${order.deadline}')).toBeNull();
  });
});
