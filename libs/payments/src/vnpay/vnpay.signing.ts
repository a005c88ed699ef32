import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * VNPay's signed query (payment API 2.1.0, ADR 0029). The merchant signs the pay URL and VNPay signs the
 * return redirect and the IPN the same way:
 * 1. take the `vnp_` parameters with a value, leaving out `vnp_SecureHash` and `vnp_SecureHashType`;
 * 2. sort them by key (byte order);
 * 3. write each as `key=value` URL-encoded as VNPay's own Node.js sample does (`encodeURIComponent`, then
 *    `%20` → `+`: PHP's `urlencode`), joined with `&`;
 * 4. `vnp_SecureHash` = lower-case hex HMAC-SHA512 of that text (UTF-8) with the terminal's hash secret.
 * The pay URL's query is exactly the signed text plus `&vnp_SecureHash=…`.
 */
export type VnpParams = Record<string, string>;

const UNSIGNED = new Set(['vnp_SecureHash', 'vnp_SecureHashType']);

/** `encodeURIComponent` with spaces as `+`, as VNPay encodes both the URL and the signed text. */
export function vnpEncode(value: string): string {
  return encodeURIComponent(value).replace(/%20/g, '+');
}

/** The text VNPay signs: the sorted, encoded `vnp_` parameters (steps 1–3). */
export function vnpSignedText(params: Readonly<Record<string, unknown>>): string {
  return Object.keys(params)
    .filter((key) => key.startsWith('vnp_') && !UNSIGNED.has(key))
    .filter((key) => typeof params[key] === 'string' && params[key] !== '')
    .sort()
    .map((key) => `${vnpEncode(key)}=${vnpEncode(params[key] as string)}`)
    .join('&');
}

/** HMAC-SHA512 (hex) of the signed text (step 4). */
export function vnpSecureHash(secret: string, params: Readonly<Record<string, unknown>>): string {
  return createHmac('sha512', Buffer.from(secret, 'utf8'))
    .update(Buffer.from(vnpSignedText(params), 'utf8'))
    .digest('hex');
}

/** The query of a signed request or redirect: the signed text and its hash. */
export function vnpSignedQuery(secret: string, params: VnpParams): string {
  return `${vnpSignedText(params)}&vnp_SecureHash=${vnpSecureHash(secret, params)}`;
}

/**
 * Whether `query` (a return redirect's or an IPN's parameters, as received) carries a valid `vnp_SecureHash`;
 * compared in constant time and case-insensitively (VNPay sends hex in either case). A parameter given twice is
 * never valid.
 */
export function vnpVerify(secret: string, query: Readonly<Record<string, unknown>>): boolean {
  const given = query.vnp_SecureHash;
  if (typeof given !== 'string' || !/^[0-9a-f]{128}$/i.test(given)) return false;
  if (Object.keys(query).some((key) => key.startsWith('vnp_') && typeof query[key] !== 'string')) return false;
  const expected = Buffer.from(vnpSecureHash(secret, query), 'hex');
  return timingSafeEqual(expected, Buffer.from(given.toLowerCase(), 'hex'));
}
