import { isSingleGsm7Sms, removeDiacritics, toGsm7 } from './sms-text';

describe('removeDiacritics', () => {
  it.each([
    ['Đang giải quyết', 'Dang giai quyet'],
    ['đ', 'd'],
    ['Chờ bổ sung hồ sơ', 'Cho bo sung ho so'],
    ['Đã có kết quả, chờ trả', 'Da co ket qua, cho tra'],
    ['TRA CỨU', 'TRA CUU'],
    ['Nguyễn Thị Ánh Tuyết', 'Nguyen Thi Anh Tuyet'],
  ])('%s → %s', (given, expected) => {
    expect(removeDiacritics(given)).toBe(expected);
  });
});

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
