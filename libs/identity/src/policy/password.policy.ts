import { AppError } from '../../../common/src';
import { COMMON_PASSWORDS, COMMON_PASSWORD_WORDS } from './common-passwords.data';

/** Minimum length of a password chosen by a person (NIST SP 800-63B asks for 8; we ask 10). */
export const PASSWORD_MIN_LENGTH = 10;

/** Why a password is refused; the web app shows each with its Vietnamese hint. */
export type PasswordProblem = 'too_short' | 'one_class' | 'common' | 'contains_username';

const HINTS: Record<PasswordProblem, string> = {
  too_short: `dài ít nhất ${PASSWORD_MIN_LENGTH} ký tự`,
  one_class: 'kết hợp ít nhất hai loại ký tự (chữ thường, chữ hoa, chữ số, ký hiệu)',
  common: 'không dùng mật khẩu phổ biến, dễ đoán (như "matkhau123", "123456789")',
  contains_username: 'không chứa tên đăng nhập',
};

function characterClasses(password: string): number {
  const classes = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{L}\p{Nd}]/u];
  return classes.filter((pattern) => pattern.test(password)).length;
}

/** `Matkhau@2025` → `matkhau`: the word left once case, trailing digits and symbols are dropped. */
function baseWord(password: string): string {
  return password
    .toLowerCase()
    .replace(/[^\p{L}]+$/u, '')
    .replace(/[^\p{L}\p{Nd}@]/gu, '');
}

function isCommon(password: string): boolean {
  const lower = password.toLowerCase();
  return COMMON_PASSWORDS.has(lower) || COMMON_PASSWORD_WORDS.has(baseWord(password)) || /^(.)\1+$/u.test(password);
}

/** Every problem of a password, in the order they are worth fixing; empty when it is acceptable. */
export function passwordProblems(password: string, username?: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) problems.push('too_short');
  if (characterClasses(password) < 2) problems.push('one_class');
  if (isCommon(password)) problems.push('common');
  const name = username?.trim().toLowerCase();
  if (name && name.length >= 3 && password.toLowerCase().includes(name)) problems.push('contains_username');
  return problems;
}

/** Throws 400 `PASSWORD_WEAK` saying what to fix (`details.problems`) unless the password is acceptable. */
export function assertStrongPassword(password: string, username?: string): void {
  const problems = passwordProblems(password, username);
  if (problems.length === 0) return;
  const message = `Mật khẩu chưa đủ mạnh: cần ${problems.map((problem) => HINTS[problem]).join('; ')}.`;
  throw AppError.badRequest('PASSWORD_WEAK', message, { problems });
}
