import { contentDisposition } from './content-disposition';

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name (RFC 6266, RFC 8187)', () => {
    expect(contentDisposition('Giấy đề nghị.pdf')).toBe(
      `attachment; filename="Giay de nghi.pdf"; filename*=UTF-8''Gi%E1%BA%A5y%20%C4%91%E1%BB%81%20ngh%E1%BB%8B.pdf`,
    );
  });

  it('cannot be broken out of by quotes, backslashes or percent signs in the name', () => {
    expect(contentDisposition('a"b\\c%d\'(e).pdf', 'inline')).toBe(
      `inline; filename="a_b_c_d'(e).pdf"; filename*=UTF-8''a%22b%5Cc%25d%27%28e%29.pdf`,
    );
  });
});
