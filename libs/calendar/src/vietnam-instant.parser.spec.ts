import { parseVietnamInstant, vietnamYear } from './vietnam-time';

describe('vietnamYear', () => {
  it('is already next year from 17:00 UTC on 31 December', () => {
    expect(vietnamYear(new Date('2026-12-31T16:59:59Z'))).toBe(2026);
    expect(vietnamYear(new Date('2026-12-31T17:00:00Z'))).toBe(2027);
  });
});

describe('parseVietnamInstant', () => {
  it.each([
    ['2027-01-04T09:00:00+07:00', '2027-01-04T02:00:00.000Z'],
    ['2027-01-04T09:00', '2027-01-04T02:00:00.000Z'],
    ['2027-01-04 09:00:30', '2027-01-04T02:00:30.000Z'],
    ['2027-01-04T02:00:00Z', '2027-01-04T02:00:00.000Z'],
    ['2027-01-04T02:00:00.250Z', '2027-01-04T02:00:00.250Z'],
    ['2027-01-04T00:00:00-05:30', '2027-01-04T05:30:00.000Z'],
    ['2027-01-04', '2027-01-03T17:00:00.000Z'],
  ])('reads %p', (text, iso) => {
    expect(parseVietnamInstant(text)?.toISOString()).toBe(iso);
  });

  it.each(['2027-02-30T09:00', '2027-13-01', '2027-01-04T24:00', '2027-01-04T09:60', 'tomorrow', '', '2027-1-4'])(
    'refuses %p',
    (text) => {
      expect(parseVietnamInstant(text)).toBeUndefined();
    },
  );
});
