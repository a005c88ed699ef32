import { FIELD_LIMITS } from '../../../common/src/field-limits';

/**
 * `local@domain.tld` as the desk accepts it: one `@` with text before it, no white space, and a
 * dot inside the domain. The same verdicts as the regex it replaces (`/^[^\s@]+@[^\s@]+\.[^\s@]+$/`)
 * up to 254 characters, in one pass: that regex backtracked quadratically (a 30 KB e-mail took
 * 1.7 s, issue 15 item 8).
 */
export function isEmailAddress(text: string): boolean {
  if (text.length > FIELD_LIMITS.email || /\s/.test(text)) return false;
  const at = text.indexOf('@');
  if (at < 1 || text.indexOf('@', at + 1) !== -1) return false;
  const domain = text.slice(at + 1);
  const dot = domain.indexOf('.', 1);
  return dot !== -1 && dot < domain.length - 1;
}
