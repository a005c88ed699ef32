/** Vietnamese letters that NFD does not decompose. */
const SPECIAL: Record<string, string> = { đ: 'd', Đ: 'D' };

/** "Đang giải quyết" → "Dang giai quyet": SMS to citizens go without diacritics (DOMAIN § Lookup and privacy). */
export function removeDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, (c) => SPECIAL[c]);
}

/**
 * "Nguyễn Văn Đức" → "nguyen van duc": the folding every search compares on (issue 19 item 2). The SQL
 * twin is `vn_fold(text)` (migration 1764600500000), on which the search indexes are built; the two must
 * agree on every Vietnamese letter (test/e2e/accent-insensitive-search.e2e-spec.ts checks it).
 */
export function foldVietnamese(text: string): string {
  return removeDiacritics(text).toLowerCase();
}

/** `LIKE` pattern for "contains the folded query": `%` and `_` typed by a user are literal, not wildcards. */
export function foldedContains(query: string): string {
  return `%${foldVietnamese(query.trim()).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The same comparison in the browser: lists filtered on the client (pickers, selects) find "Đăng ký" by "dang ky". */
export function matchesFolded(text: string, query: string): boolean {
  return foldVietnamese(text).includes(foldVietnamese(query.trim()));
}
