import { AppError } from '../../../common/src';
import { assertStrongPassword, passwordProblems } from './password.policy';
import { generateTemporaryPassword } from './temporary-password';

describe('password policy', () => {
  it.each([
    ['Hoa-sen-2025', undefined],
    ['lúa chín vàng đồng', undefined],
    ['correct horse 7', 'nguyenvana'],
    ['a-new-password', undefined],
  ])('accepts %p', (password, username) => {
    expect(passwordProblems(password, username)).toEqual([]);
  });

  it.each([
    ['Ab1!', ['too_short']],
    ['abcdefghijkl', ['one_class']],
    ['1234567890', ['one_class', 'common']],
    ['123456789a', ['common']],
    ['matkhau123', ['common']],
    ['Matkhau@2025', ['common']],
    ['motcua-demo', ['common']],
    ['Motcua2026!!', ['common']],
    ['P@ssw0rd', ['too_short', 'common']],
    ['zzzzzzzzzzzz', ['one_class', 'common']],
  ])('refuses %p because %p', (password, problems) => {
    expect(passwordProblems(password)).toEqual(problems);
  });

  it('refuses a password containing the username, whatever the case', () => {
    expect(passwordProblems('Xin-chao-TRAN.VAN.B', 'tran.van.b')).toEqual(['contains_username']);
  });

  it('throws 400 PASSWORD_WEAK with a Vietnamese message naming each fix', () => {
    // when
    const error = (() => {
      try {
        assertStrongPassword('abc');
      } catch (caught) {
        return caught as AppError;
      }
    })();
    // then
    expect(error).toMatchObject({
      status: 400,
      code: 'PASSWORD_WEAK',
      details: { problems: ['too_short', 'one_class', 'common'] },
    });
    expect(error?.message).toContain('ít nhất 10 ký tự');
    expect(error?.message).toContain('hai loại ký tự');
  });
});

describe('temporary passwords', () => {
  it('always satisfy the policy and differ from one another', () => {
    // when
    const passwords = Array.from({ length: 200 }, () => generateTemporaryPassword());
    // then
    for (const password of passwords) expect(passwordProblems(password)).toEqual([]);
    expect(new Set(passwords).size).toBe(200);
  });
});
