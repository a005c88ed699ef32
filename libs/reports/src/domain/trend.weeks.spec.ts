import { daysIn, weeksOf } from './trend.weeks';

describe('weeksOf', () => {
  it('starts at the Monday of the first day and ends with the week of the last', () => {
    // given Saturday 1 March 2025 to Monday 17 March 2025
    expect(weeksOf('2025-03-01', '2025-03-17')).toEqual(['2025-02-24', '2025-03-03', '2025-03-10', '2025-03-17']);
  });

  it('gives one week for days within one week', () => {
    expect(weeksOf('2025-03-04', '2025-03-06')).toEqual(['2025-03-03']);
  });

  it('counts the days of a period, both ends included', () => {
    expect(daysIn('2025-03-01', '2025-03-31')).toBe(31);
    expect(daysIn('2024-01-01', '2024-12-31')).toBe(366);
  });
});
