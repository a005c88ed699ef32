import { describe, expect, it } from '@jest/globals';
import { feeText, legalTimeText, officeHoursText } from './catalog.format';

describe('catalog formats', () => {
  it('writes fees the Vietnamese way: dots between thousands, "đồng"; none when free', () => {
    expect(feeText(100000)).toBe('100.000 đồng');
    expect(feeText(2000)).toBe('2.000 đồng');
    expect(feeText(1250000)).toBe('1.250.000 đồng');
    expect(feeText(500)).toBe('500 đồng');
    expect(feeText(0)).toBe('Không thu phí, lệ phí');
  });

  it('states the legal time as the catalog does, in working days or hours', () => {
    expect(legalTimeText({ days: 3 })).toBe('3 ngày làm việc');
    expect(legalTimeText({ days: 15 })).toBe('15 ngày làm việc');
    expect(legalTimeText({ hours: 4 })).toBe('4 giờ làm việc');
    expect(legalTimeText({ sameDay: true })).toBe('Trong ngày làm việc');
  });

  it('lists the office sessions', () => {
    expect(
      officeHoursText([
        { start: '07:00', end: '11:30' },
        { start: '13:30', end: '17:00' },
      ]),
    ).toBe('07:00 – 11:30, 13:30 – 17:00');
  });
});
