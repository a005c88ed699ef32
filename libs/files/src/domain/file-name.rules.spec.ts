import { sanitizeFileName } from './file-name.rules';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
};

describe('sanitizeFileName', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\Windows\\system32\\cmd.pdf', 'cmd.pdf'],
    ['C:\\Scan\\Giấy đề nghị.pdf', 'Giấy đề nghị.pdf'],
    ['Tờ khai.pdf'.normalize('NFD'), 'Tờ khai.pdf'],
    ['  ảnh\tchụp   CCCD .jpg ', 'ảnh chụp CCCD .jpg'],
    ['bill\u202efdp.exe', 'billfdp.exe'],
    ['a\u0000b\u0007c\u009f.png', 'abc.png'],
    ['.htaccess.pdf', 'htaccess.pdf'],
  ])('stores %j as %j', (given, stored) => {
    expect(sanitizeFileName(given)).toBe(stored);
  });

  it.each([[undefined], [''], ['..'], ['../..'], ['dir/'], ['   '], ['...'], ['\u0001\u0002']])(
    'refuses %j with FILE_NAME_INVALID',
    (name) => {
      expect(codeOf(() => sanitizeFileName(name))).toBe('FILE_NAME_INVALID');
    },
  );

  it('cuts a long name to 200 characters, keeping the extension', () => {
    const name = sanitizeFileName(`${'Đ'.repeat(300)}.pdf`);
    expect([...name]).toHaveLength(200);
    expect(name.endsWith('Đ.pdf')).toBe(true);
  });
});
