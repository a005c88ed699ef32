import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../api/client';
import { fileErrorMessage, formatSize, precheckFile } from './file-format';

describe('file sizes in Vietnamese units', () => {
  it.each([
    [0, '0 B'],
    [512, '512 B'],
    [1023, '1023 B'],
    [1024, '1 KB'],
    [1536, '1,5 KB'],
    [839_680, '820 KB'],
    [1_048_575, '1 MB'],
    [1_258_291, '1,2 MB'],
    [20 * 1024 * 1024, '20 MB'],
    [1.1 * 1024 ** 3, '1,1 GB'],
  ])('%p bytes → %p', (bytes, text) => {
    expect(formatSize(bytes)).toBe(text);
  });

  it('says nothing for a size that is not one', () => {
    expect(formatSize(Number.NaN)).toBe('');
    expect(formatSize(-1)).toBe('');
  });
});

describe('the quick look before sending', () => {
  it('refuses an empty file and a type that is neither PDF, JPEG nor PNG', () => {
    expect(precheckFile({ name: 'a.pdf', size: 0, type: 'application/pdf' })).toBe('FILE_EMPTY');
    expect(precheckFile({ name: 'setup.exe', size: 10, type: 'application/x-msdownload' })).toBe(
      'FILE_TYPE_NOT_ALLOWED',
    );
    expect(
      precheckFile({
        name: 'don.docx',
        size: 10,
        type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      }),
    ).toBe('FILE_TYPE_NOT_ALLOWED');
  });

  it('tells an iPhone HEIC photo apart, with its own advice', () => {
    expect(precheckFile({ name: 'IMG_0001.HEIC', size: 10, type: 'image/heic' })).toBe('FILE_TYPE_HEIC');
    expect(precheckFile({ name: 'IMG_0002.heif', size: 10, type: '' })).toBe('FILE_TYPE_HEIC');
    expect(fileErrorMessage(new ApiError(400, 'FILE_TYPE_HEIC', ''))).toContain('Tương thích nhất');
  });

  it('lets the server judge what the browser cannot type, and the accepted types', () => {
    expect(precheckFile({ name: 'scan.pdf', size: 10, type: 'application/pdf' })).toBeNull();
    expect(precheckFile({ name: 'anh.JPG', size: 10, type: 'image/jpeg' })).toBeNull();
    expect(precheckFile({ name: 'anh.png', size: 10, type: 'image/png' })).toBeNull();
    expect(precheckFile({ name: 'scan', size: 10, type: '' })).toBeNull();
    // A renamed executable passes the quick look; the server checks the content.
    expect(precheckFile({ name: 'virus.pdf', size: 10, type: 'application/x-msdownload' })).toBeNull();
  });
});

describe('file error messages', () => {
  it.each(['FILE_EMPTY', 'FILE_TOO_LARGE', 'FILE_TYPE_NOT_ALLOWED', 'FILE_NAME_INVALID'])(
    '%s is said in Vietnamese, not in the server English',
    (code) => {
      const text = fileErrorMessage(new ApiError(400, code, 'File is not allowed'));
      expect(text).not.toContain('File is');
      expect(text).not.toContain(code);
      expect(text).toMatch(/[ạảãáàâấầẩẫậăắằẳẵặđêếềểễệôốồổỗộơớờởỡợưứừửữựíìỉĩịúùủũụýỳỷỹỵóòỏõọéèẻẽẹ]/);
    },
  );

  it('names the limit of a too large file in MB when the server gives it', () => {
    expect(
      fileErrorMessage(new ApiError(413, 'FILE_TOO_LARGE', 'too large', { maxBytes: 20 * 1024 * 1024 })),
    ).toContain('tối đa 20 MB');
  });

  it('falls back on the status, never showing an unknown code or English text', () => {
    const unknown = fileErrorMessage(new ApiError(400, 'SOMETHING_NEW', 'Something went wrong'));
    expect(unknown).not.toMatch(/SOMETHING_NEW|Something/);
    expect(fileErrorMessage(new ApiError(404, 'NOT_FOUND', 'Cannot GET'))).toBe(
      'Không tìm thấy tệp, hoặc bạn không có quyền tải tệp này.',
    );
    expect(fileErrorMessage(new ApiError(503, 'INTERNAL_ERROR', 'Internal error'))).toContain('Máy chủ');
    expect(fileErrorMessage(new Error('boom'))).toBe('Không tải được tệp. Vui lòng thử lại.');
  });
});
