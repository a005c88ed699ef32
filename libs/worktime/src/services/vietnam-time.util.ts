/** Vietnam keeps +07:00 all year (no daylight saving), as libs/calendar assumes. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?)?(Z|[+-]\d{2}:\d{2})?$/i;

/** The calendar year in Vietnam at `now`. */
export function vietnamYear(now: Date): number {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS).getUTCFullYear();
}

/**
 * An instant from ISO 8601 text; without an offset it is Vietnam time (an admin typing
 * "2027-01-04T09:00" means 9 o'clock at the desk), a date alone is midnight there.
 * Undefined for malformed text or a date that does not exist (2027-02-30).
 */
export function parseVietnamInstant(text: string): Date | undefined {
  const match = INSTANT.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day, hour = 0, minute = 0, second = 0] = match.slice(1, 7).map((part) => Number(part ?? 0));
  const local = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(local);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return undefined;
  const millis = match[7] ? Math.round(Number(match[7]) * 1000) : 0;
  return new Date(local + millis - offsetMs(match[8]));
}

function offsetMs(offset: string | undefined): number {
  if (offset === undefined) return VIETNAM_OFFSET_MS;
  if (offset.toUpperCase() === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 3_600_000 + Number(offset.slice(4, 6)) * 60_000);
}
