import { AppError } from '../../../common/src';
import { formFileName } from './form-file.name';

describe('formFileName', () => {
  it.each([
    ['Tờ khai đăng ký khai sinh.docx', 'to-khai-dang-ky-khai-sinh.docx'],
    ['C:\\Users\\mc\\Đơn đề nghị (mẫu 01).PDF', 'don-de-nghi-mau-01.pdf'],
    ['../../etc/mau.html', 'mau.html'],
    ['bieu_mau.v2.xlsx', 'bieu_mau.v2.xlsx'],
  ])('stores %s as %s', (original, stored) => {
    expect(formFileName(original)).toBe(stored);
  });

  it.each([['virus.exe'], ['noextension'], ['.docx'], ['---.pdf'], ['script.js']])(
    'refuses %s with FORM_FILE_INVALID',
    (original) => {
      // when the name is checked, then it is refused with the stable code
      let code: string | undefined;
      try {
        formFileName(original);
      } catch (error) {
        code = (error as AppError).code;
      }
      expect(code).toBe('FORM_FILE_INVALID');
    },
  );
});
