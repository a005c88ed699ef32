/**
 * Vietnam time, the one place that knows the offset. Vietnam has kept UTC+7 without daylight
 * saving since 1975, so a fixed offset is exact and no time-zone database is needed. Every
 * other module (server, worker, web) converts through these helpers; test/unit/time-grammar.spec.ts
 * fails when the offset is written anywhere else.
 */

/** Milliseconds Vietnam is ahead of UTC. */
export const VIETNAM_OFFSET_MS = 7 * 3_600_000;
/** The offset as ISO 8601 writes it. */
export const VIETNAM_OFFSET = '+07:00';
/** The IANA zone, for `Intl.DateTimeFormat` and the like. */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const MS_PER_DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** The wall clock in Vietnam at an instant. Months are 1–12; weekday 0 = Sunday … 6 = Saturday. */
export interface VietnamWallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly weekday: number;
  /** `YYYY-MM-DD` */
  readonly date: string;
  /** `HH:mm` */
  readonly time: string;
}

const epochMs = (at: Date | string | number) => (at instanceof Date ? at.getTime() : new Date(at).getTime());

/** The wall clock in Vietnam at an instant (a Date, ISO text or epoch ms). */
export function vietnamWallClock(at: Date | string | number): VietnamWallClock {
  const shifted = new Date(epochMs(at) + VIETNAM_OFFSET_MS);
  const [year, month, day] = [shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate()];
  const [hour, minute] = [shifted.getUTCHours(), shifted.getUTCMinutes()];
  return {
    year,
    month,
    day,
    hour,
    minute,
    second: shifted.getUTCSeconds(),
    weekday: shifted.getUTCDay(),
    date: `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`,
    time: `${pad(hour)}:${pad(minute)}`,
  };
}

/** `YYYY-MM-DD`: the civil date in Vietnam at an instant. */
export function vietnamDateString(at: Date | string | number): string {
  return vietnamWallClock(at).date;
}

/** `dd/MM/yyyy`: the civil date in Vietnam at an instant, as Vietnamese papers write it. */
export function formatVietnamDate(at: Date | string | number): string {
  const { year, month, day } = vietnamWallClock(at);
  return `${pad(day)}/${pad(month)}/${year}`;
}

/** `dd/MM/yyyy HH:mm` in Vietnam time: what screens, SMS and exports show of an instant. */
export function formatVietnamDateTime(at: Date | string | number): string {
  return `${formatVietnamDate(at)} ${vietnamWallClock(at).time}`;
}

/** The calendar year in Vietnam at an instant. */
export function vietnamYear(at: Date | string | number): number {
  return vietnamWallClock(at).year;
}

/** Days since 1970-01-01 in Vietnam: equal numbers, same Vietnam day. */
export function vietnamDayNumber(at: Date | string | number): number {
  return Math.floor((epochMs(at) + VIETNAM_OFFSET_MS) / MS_PER_DAY);
}

/** The instant a Vietnam day starts (local midnight), given any instant of that day. */
export function startOfVietnamDay(at: Date | string | number): Date {
  return new Date(vietnamDayNumber(at) * MS_PER_DAY - VIETNAM_OFFSET_MS);
}

/** The instant of local midnight starting a `YYYY-MM-DD` civil date in Vietnam (Invalid Date for bad text). */
export function vietnamMidnight(date: string): Date {
  return new Date(`${date}T00:00:00${VIETNAM_OFFSET}`);
}

/** The instant of a Vietnam wall-clock reading (month 1–12); fields out of range roll over as in Date.UTC. */
export function fromVietnamWallClock(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms) - VIETNAM_OFFSET_MS);
}

/** `yyyyMMddHHmmss` in Vietnam time (GMT+7): how payment gateways (VNPay's vnp_CreateDate, vnp_PayDate) write an instant. */
export function formatVietnamCompact(at: Date | string | number): string {
  const c = vietnamWallClock(at);
  return `${String(c.year).padStart(4, '0')}${pad(c.month)}${pad(c.day)}${pad(c.hour)}${pad(c.minute)}${pad(c.second)}`;
}

/** The instant of a `yyyyMMddHHmmss` Vietnam-time reading; undefined for malformed text or a date that does not exist. */
export function parseVietnamCompact(text: string): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text.trim());
  return match
    ? parseVietnamInstant(`${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}`)
    : undefined;
}

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?)?(Z|[+-]\d{2}:\d{2})?$/i;

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
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59)
    return undefined;
  const millis = match[7] ? Math.round(Number(match[7]) * 1000) : 0;
  return new Date(local + millis - offsetMs(match[8]));
}

function offsetMs(offset: string | undefined): number {
  if (offset === undefined) return VIETNAM_OFFSET_MS;
  if (offset.toUpperCase() === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 3_600_000 + Number(offset.slice(4, 6)) * 60_000);
}

/**
 * SQL (Postgres) for the Vietnam calendar day of a `timestamptz` column or expression: the one
 * spelling of the offset in queries. An interval offset needs no time-zone data on the server.
 */
export function vietnamDateSql(column: string): string {
  return `(${column} AT TIME ZONE INTERVAL '${VIETNAM_OFFSET}')::date`;
}
