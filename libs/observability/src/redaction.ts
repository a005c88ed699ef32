/**
 * What must never reach a log line (issue 9): credentials and the applicant's personal data.
 * Pino removes these paths from every logged object; `scrubText` masks what slips into free text.
 */
const SECRET_KEYS = [
  'authorization',
  'cookie',
  'x-sms-secret',
  'password',
  'currentPassword',
  'newPassword',
  'temporaryPassword',
  'accessToken',
  'token',
  'lookupKey',
  'key',
];
const PERSONAL_KEYS = [
  'idNumber',
  'phone',
  'from',
  'to',
  'address',
  'fullName',
  'applicantName',
  'email',
  'applicant',
  'text',
  'body',
];

/** Pino `redact.paths`: each key at the top level and up to two levels down, plus request headers. */
export const REDACT_PATHS: string[] = [
  ...[...SECRET_KEYS, ...PERSONAL_KEYS].flatMap((key) => {
    const k = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
    const sep = k.startsWith('[') ? '' : '.';
    return [k, `*${sep}${k}`, `*.*${sep}${k}`];
  }),
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-sms-secret"]',
];

/** Vietnamese mobile numbers (0xxxxxxxxx, +84…) and ID numbers (9-digit CMND, 12-digit CCCD). */
const PHONE = /(?<![\w.-])(?:\+?84|0)\d{9,10}(?![\w.-])/g;
const ID_NUMBER = /(?<![\w.-])(?:\d{12}|\d{9})(?![\w.-])/g;
/** Starts only after a separator, so a long run without `@` is tried once, not from every character (linear). */
const EMAIL = /(?<![^\s"'<>(),;:/=?&[\]])[^\s@"'<>(),;:/=?&[\]]+@[^\s@"'<>(),;:/=?&[\]]+/g;
const BEARER = /\b(Bearer\s+)[\w.~+/=-]+/gi;
const PERCENT_ENCODED = /(?:%[0-9a-f]{2})+/gi;

/** `%2B84…` → `+84…`; a malformed sequence stays as it is. */
function percentDecoded(text: string): string {
  return text.replace(PERCENT_ENCODED, (encoded) => {
    try {
      return decodeURIComponent(encoded);
    } catch {
      return encoded;
    }
  });
}

/**
 * Masks phone numbers, ID numbers, e-mail addresses and bearer tokens inside free text (messages,
 * error stacks), after decoding percent-encoding: `%2B84…` once slipped past the phone pattern.
 */
export function scrubText(text: string): string {
  return percentDecoded(text)
    .replace(BEARER, '$1[Redacted]')
    .replace(EMAIL, '[email]')
    .replace(PHONE, '[phone]')
    .replace(ID_NUMBER, '[id]');
}

/** A path segment that is a code, id or word the API itself defines: ASCII letters, digits and `._~:-` only. */
const PLAIN_SEGMENT = /^[A-Za-z0-9._~:-]*$/;

/**
 * One path segment as logged, judged after decoding: phone and ID numbers masked by pattern, an
 * e-mail address as `[email]`, and free text (spaces, diacritics: a name or an address typed in
 * place of a dossier code) as `[text]`. Dossier codes, UUIDs and route words stay readable.
 */
function loggedSegment(segment: string): string {
  const decoded = percentDecoded(segment);
  if (decoded.includes('@')) return '[email]';
  const scrubbed = decoded.replace(PHONE, '[phone]').replace(ID_NUMBER, '[id]');
  return PLAIN_SEGMENT.test(scrubbed.replace(/\[(?:phone|id)\]/g, '')) ? scrubbed : '[text]';
}

/**
 * The URL as logged: the path only, each segment masked (`loggedSegment`). Query strings are left
 * out whole: they carry searches (`?q=` a name or phone) and lookup keys.
 */
export function loggedUrl(url: string | undefined): string {
  const raw = (url ?? '').split('?')[0];
  const path = raw.length > 300 ? raw.slice(0, 300) : raw;
  return path.split('/').map(loggedSegment).join('/') + (raw.length > 300 ? '…' : '');
}
