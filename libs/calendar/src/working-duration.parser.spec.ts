import { toWorkingMillis } from './working-duration.parser';

const HOUR = 3_600_000;
const DAY = 8 * HOUR;

describe('toWorkingMillis', () => {
  it.each([
    ['P2D', 2 * DAY],
    ['PT4H', 4 * HOUR],
    ['P1DT2H', DAY + 2 * HOUR],
    ['PT1H30M', 1.5 * HOUR],
    ['P0.5D', 4 * HOUR],
    ['P0,5D', 4 * HOUR],
    ['PT45S', 45_000],
    ['P0D', 0],
  ])('reads the ISO 8601 duration %s as working time', (text, expected) => {
    // when / then
    expect(toWorkingMillis(text, DAY)).toBe(expected);
  });

  it('reads an object, days counting as the configured working day', () => {
    // given a 7.5-hour working day
    const day = 7.5 * HOUR;
    // when
    const ms = toWorkingMillis({ days: 2, hours: 1, minutes: 30 }, day);
    // then
    expect(ms).toBe(2 * day + 1.5 * HOUR);
  });

  it.each(['P1Y', 'P1M', 'P1W', 'P', 'PT', 'P1DT', '2D', 'P-1D', 'hai ngày'])(
    'rejects %p with CALENDAR_INVALID_DURATION',
    (text) => {
      // when / then
      expect(() => toWorkingMillis(text, DAY)).toThrow(expect.objectContaining({ code: 'CALENDAR_INVALID_DURATION' }));
    },
  );

  it.each([{ days: -1 }, { hours: Number.NaN }, { weeks: 1 }, { days: '2' }, null, 5])(
    'rejects %p with CALENDAR_INVALID_DURATION',
    (input) => {
      // when / then
      expect(() => toWorkingMillis(input as never, DAY)).toThrow(
        expect.objectContaining({ code: 'CALENDAR_INVALID_DURATION' }),
      );
    },
  );
});
