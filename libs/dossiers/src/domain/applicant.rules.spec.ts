import { checkApplicant } from './applicant.rules';

describe('applicant rules', () => {
  const valid = { fullName: ' Nguyễn  Văn An ', idNumber: '066090001234', phone: '0912 345 678' };

  it('accepts a CCCD or an old 9-digit number and normalises the name and phone', () => {
    expect(checkApplicant(valid)).toEqual({ fullName: 'Nguyễn Văn An', idNumber: '066090001234', phone: '0912345678' });
    expect(checkApplicant({ ...valid, idNumber: '241234567', phone: '+84387654321' }).phone).toBe('+84387654321');
  });

  it.each([
    ['idNumber', { idNumber: '12345' }],
    ['idNumber', { idNumber: '06609000123A' }],
    ['phone', { phone: '0212345678' }],
    ['phone', { phone: '091234567' }],
    ['fullName', { fullName: '  ' }],
    ['email', { email: 'not-an-email' }],
  ])('refuses a bad %s', (field, change) => {
    expect(() => checkApplicant({ ...valid, ...change })).toThrow(
      expect.objectContaining({ code: 'APPLICANT_INVALID', details: [expect.objectContaining({ field })] }),
    );
  });
});
