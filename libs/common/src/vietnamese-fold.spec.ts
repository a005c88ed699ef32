import { foldedContains, foldVietnamese, matchesFolded, removeDiacritics } from './vietnamese-fold';

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

describe('foldVietnamese', () => {
  it.each([
    ['Nguyễn Văn A', 'nguyen van a'],
    ['Đăng ký hộ kinh doanh', 'dang ky ho kinh doanh'],
    // Decomposed input (some keyboards and PDFs produce it) folds the same as precomposed.
    ['Nguye\u0302\u0303n', 'nguyen'],
    ['ƯƠNG Ợ', 'uong o'],
  ])('%s → %s', (given, expected) => {
    expect(foldVietnamese(given)).toBe(expected);
  });

  it('a folded LIKE pattern keeps % and _ literal and drops surrounding spaces', () => {
    expect(foldedContains('  Hộ 50%_x ')).toBe('%ho 50\\%\\_x%');
  });

  it('matchesFolded finds "Đăng ký" by "dang ky" and not by "dang kx"', () => {
    expect(matchesFolded('Đăng ký hộ kinh doanh (1.001)', 'dang ky')).toBe(true);
    expect(matchesFolded('Đăng ký hộ kinh doanh (1.001)', 'dang kx')).toBe(false);
  });
});
