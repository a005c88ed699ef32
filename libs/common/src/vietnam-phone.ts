/** Mobile numbers after the 2018 renumbering: 03x, 05x, 07x, 08x, 09x; also written +84… or 84… */
export const VIETNAM_MOBILE = /^(0|\+84)[35789]\d{8}$/;

/**
 * A Vietnamese mobile number in its one stored form, `0` + 9 digits (`+84 912.345.678` →
 * `0912345678`), or undefined when it is not one. Spaces, dots and dashes are dropped first, as
 * the desk's applicant rule does; `84…` without the plus is read as `+84…`.
 */
export function normaliseVietnamMobile(input: unknown): string | undefined {
  if (typeof input !== 'string' || input.length > 32) return undefined;
  const compact = input.trim().replace(/[\s.-]/g, '');
  const withPlus = /^84[35789]\d{8}$/.test(compact) ? `+${compact}` : compact;
  if (!VIETNAM_MOBILE.test(withPlus)) return undefined;
  return withPlus.startsWith('+84') ? `0${withPlus.slice(3)}` : withPlus;
}

/**
 * SQL of the same normal form for a stored phone expression (the desk keeps what was typed,
 * `0…` or `+84…`, without spaces, dots or dashes): `0` + the last 9 digits.
 */
export const normalisedPhoneSql = (expression: string) =>
  `regexp_replace(regexp_replace(${expression}, '[\\s.-]', '', 'g'), '^\\+?84', '0')`;
