import { isStepDuration, normalizeStepDuration } from './step-duration.normalizer';

describe('mc:duration', () => {
  it.each([
    ['2d', 'P2D'],
    ['4h', 'PT4H'],
    ['1d4h', 'P1DT4H'],
    ['30m', 'PT30M'],
    ['0,5d', 'P0.5D'],
    ['P2D', 'P2D'],
    ['pt4h', 'PT4H'],
    ['P1DT2H', 'P1DT2H'],
  ])('%s reads as %s', (raw, iso) => {
    // given / when / then
    expect(normalizeStepDuration(raw)).toBe(iso);
    expect(isStepDuration(iso)).toBe(true);
  });

  it.each(['', '2 weeks', 'P1W', 'P1M', 'two days', 'd'])('%s is refused', (raw) => {
    // given / when / then
    expect(normalizeStepDuration(raw)).toBeNull();
  });
});
