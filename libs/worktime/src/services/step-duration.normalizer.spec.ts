import { normalizeStepDuration } from './step-duration.normalizer';

describe('normalizeStepDuration', () => {
  it.each([
    ['2d', 'P2D'],
    ['4h', 'PT4H'],
    ['30m', 'PT30M'],
    ['1.5D', 'P1.5D'],
    ['P1W', 'P5D'],
    ['P2W', 'P10D'],
    [' P2D ', 'P2D'],
    ['PT4H', 'PT4H'],
    ['P1M', 'P1M'],
  ])('reads %p as %p', (input, expected) => {
    expect(normalizeStepDuration(input)).toBe(expected);
  });
});
