import { formatIsoDate } from './iso-date.parser';
import { nationalDayBridge } from './national-day-bridge.rule';

describe('nationalDayBridge: the day added to 2/9', () => {
  it.each([
    [2021, 'Thursday', '2021-09-03'],
    [2022, 'Friday', '2022-09-01'],
    [2023, 'Saturday', '2023-09-01'],
    [2024, 'Monday', '2024-09-03'],
    [2025, 'Tuesday', '2025-09-01'],
    [2026, 'Wednesday', '2026-09-03'],
    [2029, 'Sunday', '2029-09-03'],
  ])('in %i (2/9 a %s) is %s', (year, _weekday, expected) => {
    // when / then (2021–2025 are the published schedules)
    expect(formatIsoDate(nationalDayBridge(year))).toBe(expected);
  });
});
