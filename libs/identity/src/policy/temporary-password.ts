import { randomInt } from 'node:crypto';

// No look-alikes (0/O, 1/l/I): the temporary password is read out or copied by hand.
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';

/** A 12-character temporary password (≈70 bits) with lower, upper and digits, e.g. `Hk7m-x4Qp-9aZe`. */
export function generateTemporaryPassword(pick: (max: number) => number = randomInt): string {
  const all = LOWER + UPPER + DIGITS;
  const chars = [LOWER, UPPER, DIGITS].map((set) => set[pick(set.length)]);
  while (chars.length < 12) chars.push(all[pick(all.length)]);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = pick(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  const text = chars.join('');
  return `${text.slice(0, 4)}-${text.slice(4, 8)}-${text.slice(8)}`;
}
