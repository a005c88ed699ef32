import { FIELD_LIMITS } from '../../../common/src/field-limits';
import { isEmailAddress } from './email-address.rule';

/** The check used before issue 15: right verdicts, quadratic time on long input. */
const OLD_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

describe('isEmailAddress', () => {
  it.each(['an.nguyen@example.vn', 'a@b.c', 'tuyet+hoso@so-tu-phap.daklak.gov.vn', 'x@a.b.'])('accepts %p', (email) => {
    expect(isEmailAddress(email)).toBe(true);
  });

  it.each([
    '',
    'an',
    '@example.vn',
    'an@',
    'an@example',
    'an@.vn',
    'an@vn.',
    'a@b@c.d',
    'an nguyen@example.vn',
    'an@exam\tple.vn',
  ])('rejects %p', (email) => {
    expect(isEmailAddress(email)).toBe(false);
  });

  it('rejects the 30 KB input of the finding, and anything past 254 characters', () => {
    // given the input that made the old regex backtrack, and a well-formed but too long address
    const hostile = `a@${'.'.repeat(30 * 1024)}@`;
    const tooLong = `${'a'.repeat(64)}@${'b'.repeat(FIELD_LIMITS.email - 64)}.vn`;
    // then both are refused; the longest allowed address is accepted
    expect(isEmailAddress(hostile)).toBe(false);
    expect(isEmailAddress(tooLong)).toBe(false);
    expect(isEmailAddress(tooLong.slice(tooLong.length - FIELD_LIMITS.email))).toBe(true);
  });

  it('gives the old verdict on every short text over the letters that matter', () => {
    // given every text of up to 6 characters over `a @ . space`
    const alphabet = ['a', '@', '.', ' '];
    let texts = [''];
    const all: string[] = [''];
    for (let length = 1; length <= 6; length++) {
      texts = texts.flatMap((text) => alphabet.map((letter) => text + letter));
      all.push(...texts);
    }
    // then the new check and the old regex agree on each
    const disagreements = all.filter((text) => isEmailAddress(text) !== OLD_EMAIL.test(text));
    expect(all.length).toBe(5461);
    expect(disagreements).toEqual([]);
  });
});
