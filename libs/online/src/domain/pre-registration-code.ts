import { randomInt } from 'node:crypto';

/**
 * The pre-registration code of an online submission (mã tiếp nhận trực tuyến, issue 18 item 3, ADR
 * 0028): `TT-{yyMMdd}-{6 characters}`, e.g. `TT-261207-K7M2QX`. Not a dossier code
 * (`{unit}-{yyMMdd}-{NNNN}`, docs/domain.md): a submission is not received until the desk accepts
 * it, and takes no number of the unit's day counter (the codes stay gapless). Random, not
 * counted: no hot counter row for a burst of submissions, and one code says nothing of how many
 * others were sent. The alphabet leaves out 0/O, 1/I/L and U, which people misread over the phone.
 */
export const PRE_REGISTRATION_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const PRE_REGISTRATION_CODE = /^TT-\d{6}-[2-9A-HJKMNP-TV-Z]{6}$/;

/** A new code for a submission sent on the Vietnam day `day` (`yyyy-mm-dd`). */
export function preRegistrationCode(day: string, random: (max: number) => number = randomInt): string {
  let suffix = '';
  for (let i = 0; i < 6; i++) suffix += PRE_REGISTRATION_ALPHABET[random(PRE_REGISTRATION_ALPHABET.length)];
  return `TT-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${suffix}`;
}
