import { describe, expect, it } from '@jest/globals';
import { formatVietnamInstant, vietnamYear, weekdayLabel } from './calendar-dates';

describe('calendar dates', () => {
  it('name weekdays of civil dates', () => {
    expect(weekdayLabel('2027-02-20')).toBe('Thứ Bảy');
    expect(weekdayLabel('2027-02-21')).toBe('Chủ nhật');
    expect(weekdayLabel('2027-02-22')).toBe('Thứ Hai');
  });

  it('show instants in Vietnam time whatever the browser zone', () => {
    expect(formatVietnamInstant('2027-02-12T10:00:00.000Z')).toBe('17:00 Thứ Sáu, 12/02/2027');
    expect(vietnamYear(new Date('2026-12-31T17:30:00Z'))).toBe(2027);
  });
});
