import { WallClockDeadlineCalculator, wallClockMillis } from './deadline.calculator';

describe('WallClockDeadlineCalculator', () => {
  const calculator = new WallClockDeadlineCalculator();
  const createdAt = new Date('2025-06-06T09:00:00.000Z');

  it.each([
    ['PT4H', '2025-06-06T13:00:00.000Z'],
    ['P2D', '2025-06-08T09:00:00.000Z'],
    ['P1DT2H30M', '2025-06-07T11:30:00.000Z'],
    ['P1W', '2025-06-13T09:00:00.000Z'],
    ['4h', '2025-06-06T13:00:00.000Z'],
    ['2d', '2025-06-08T09:00:00.000Z'],
  ])('adds %s of wall time', (duration, due) => {
    expect(calculator.dueAt(createdAt, duration)?.toISOString()).toBe(due);
  });

  it.each([undefined, '', 'soon', 'P', 'PT', 'P1Y'])('has no due time for %p', (duration) => {
    expect(calculator.dueAt(createdAt, duration)).toBeNull();
  });

  it('reads fractions and seconds', () => {
    expect(wallClockMillis('PT0.5H')).toBe(1_800_000);
    expect(wallClockMillis('PT90S')).toBe(90_000);
  });
});
