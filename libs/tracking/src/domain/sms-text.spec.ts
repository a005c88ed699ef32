import { isSingleGsm7Sms, toGsm7 } from './sms-text';

describe('GSM-7', () => {
  it('accepts plain ASCII up to 160 characters and refuses Vietnamese letters, emoji and 161 characters', () => {
    expect(isSingleGsm7Sms('Ho so 000.00.20.H15-261128-0001: Dang giai quyet. Hen tra: 03/12/2026 09:00')).toBe(true);
    expect(isSingleGsm7Sms('Đang')).toBe(false);
    expect(isSingleGsm7Sms('ok 😀')).toBe(false);
    expect(isSingleGsm7Sms('a'.repeat(161))).toBe(false);
  });

  it('makes any text one GSM-7 SMS', () => {
    // given text with diacritics, emoji and too long
    const text = `Hồ sơ 😀 ${'dài '.repeat(60)}`;
    // when
    const sms = toGsm7(text);
    // then
    expect(isSingleGsm7Sms(sms)).toBe(true);
    expect(sms.startsWith('Ho so  dai')).toBe(true);
  });
});
