import { stepDueAt, WALL_CLOCK_TIME } from './deadline.calculator';

describe('WALL_CLOCK_TIME (no calendar bound)', () => {
  const createdAt = new Date('2025-06-06T09:00:00.000Z');

  it.each([
    ['PT4H', '2025-06-06T13:00:00.000Z'],
    ['P2D', '2025-06-08T09:00:00.000Z'],
    ['P1DT2H30M', '2025-06-07T11:30:00.000Z'],
    ['P1W', '2025-06-13T09:00:00.000Z'],
    ['4h', '2025-06-06T13:00:00.000Z'],
    ['2d', '2025-06-08T09:00:00.000Z'],
    ['PT0.5H', '2025-06-06T09:30:00.000Z'],
    ['PT90S', '2025-06-06T09:01:30.000Z'],
  ])('adds %s of wall time', (duration, due) => {
    expect(stepDueAt(WALL_CLOCK_TIME, createdAt, duration, 'unit')?.toISOString()).toBe(due);
  });

  it.each([undefined, '', 'soon', 'P', 'PT', 'P1Y'])('has no due time for %p', (duration) => {
    // given
    const heard: string[] = [];
    // when / then
    expect(stepDueAt(WALL_CLOCK_TIME, createdAt, duration, 'unit', (message) => heard.push(message))).toBeNull();
    expect(heard.length).toBe(duration ? 1 : 0);
  });

  it('lets errors other than an unreadable duration through', () => {
    const broken = {
      add: () => {
        throw new Error('database down');
      },
    };
    expect(() => stepDueAt(broken, createdAt, 'P1D', 'unit')).toThrow('database down');
  });
});
