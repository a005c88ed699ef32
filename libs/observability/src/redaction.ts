/**
 * What must never reach a log line (issue 9): credentials and the applicant's personal data.
 * Pino removes these paths from every logged object; `scrubText` masks what slips into free text.
 */
const SECRET_KEYS = ['authorization', 'cookie', 'x-sms-secret', 'password', 'currentPassword', 'newPassword', 'temporaryPassword', 'accessToken', 'token', 'lookupKey', 'key'];
const PERSONAL_KEYS = ['idNumber', 'phone', 'from', 'to', 'address', 'fullName', 'applicantName', 'email', 'applicant', 'text', 'body'];

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
const BEARER = /\b(Bearer\s+)[\w.~+/=-]+/gi;

/** Masks phone numbers, ID numbers and bearer tokens inside free text (messages, error stacks). */
export function scrubText(text: string): string {
  return text.replace(BEARER, '$1[Redacted]').replace(PHONE, '[phone]').replace(ID_NUMBER, '[id]');
}

/** The URL as logged: the path only. Query strings carry searches (`?q=` a name or phone) and lookup keys. */
export function loggedUrl(url: string | undefined): string {
  const path = (url ?? '').split('?')[0];
  return path.length > 300 ? `${path.slice(0, 300)}…` : path;
}
