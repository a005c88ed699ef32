import { formatIsoDate, parseIsoDate, yearOfDay } from './iso-date.parser';

describe('parseIsoDate', () => {
  it('round-trips an existing date, including 29 February of a leap year', () => {
    // given / when
    const day = parseIsoDate('2028-02-29');
    // then
    expect(day).toBeDefined();
    expect(formatIsoDate(day as number)).toBe('2028-02-29');
    expect(yearOfDay(day as number)).toBe(2028);
  });

  it.each([
    '2026-02-30',
    '2027-02-29',
    '2026-13-01',
    '2026-00-10',
    '26-01-01',
    '2026-1-1',
    '0050-01-01',
    '2026-01-01T00:00',
    20260101,
    null,
  ])('rejects %p', (text) => {
    // when / then
    expect(parseIsoDate(text)).toBeUndefined();
  });
});
