import { describe, expect, it } from '@jest/globals';
import { fieldLimitMessage } from './field-limit.messages';

describe('fieldLimitMessage', () => {
  it('says in Vietnamese which field is too long and its maximum', () => {
    // given the details of a 400 VALIDATION_FAILED for a too-long address and e-mail
    const details = [
      'applicant.address must be shorter than or equal to 500 characters',
      'applicant.email must be shorter than or equal to 254 characters',
    ];
    // then the message names both fields in Vietnamese with their maxima
    expect(fieldLimitMessage(details)).toBe(
      'Địa chỉ: dài quá mức cho phép, tối đa 500 ký tự. Thư điện tử: dài quá mức cho phép, tối đa 254 ký tự.',
    );
  });

  it('names list items and lists that are too long', () => {
    expect(fieldLimitMessage(['documents must contain no more than 100 elements'])).toBe(
      'Giấy tờ: quá nhiều mục, tối đa 100.',
    );
    expect(fieldLimitMessage(['each value in documents must be shorter than or equal to 500 characters'])).toBe(
      'Giấy tờ: dài quá mức cho phép, tối đa 500 ký tự.',
    );
    expect(
      fieldLimitMessage(['variables must have at most 200 names, each text shorter than or equal to 2000 characters']),
    ).toBe('Nội dung nhập (ý kiến, ghi chú): dài quá mức cho phép, tối đa 2000 ký tự.');
    expect(fieldLimitMessage(['requiredDocuments.3.name must be shorter than or equal to 500 characters'])).toBe(
      'Tên: dài quá mức cho phép, tối đa 500 ký tự.',
    );
  });

  it('leaves other validation faults to the generic message', () => {
    expect(fieldLimitMessage(['reason should not be empty'])).toBeUndefined();
    expect(fieldLimitMessage(undefined)).toBeUndefined();
  });
});
