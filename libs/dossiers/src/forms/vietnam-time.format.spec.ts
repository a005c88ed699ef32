import { vietnamDateline, vietnamDateTime, vnd } from './vietnam-time.format';

describe('receipt formats', () => {
  it('prints times in Vietnam time to the minute, across the UTC day boundary', () => {
    // given 17:05Z on 3 June, which is 00:05 on 4 June in Vietnam
    const at = new Date('2025-06-03T17:05:00Z');
    // then
    expect(vietnamDateTime(at)).toBe('00:05 ngày 04/06/2025');
    expect(vietnamDateline(at)).toBe('ngày 04 tháng 06 năm 2025');
  });

  it('prints fees in đồng with dot separators, zero as exempt', () => {
    expect(vnd(100000)).toBe('100.000 đồng');
    expect(vnd(2000)).toBe('2.000 đồng');
    expect(vnd(0)).toBe('Miễn phí');
  });
});
