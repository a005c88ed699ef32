/** Dates of the calendar page: civil dates 'YYYY-MM-DD' and instants shown in Vietnam time. */
import { vietnamWallClock, vietnamYear as yearInVietnam } from '../../../../../libs/calendar/src/vietnam-time.js';

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

/** 0 = Sunday … 6 = Saturday, of a civil date (no time zone involved). */
export function dayOfWeek(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** 'Thứ Hai' … 'Chủ nhật'. */
export function weekdayLabel(date: string): string {
  return WEEKDAYS[dayOfWeek(date)];
}

export function isWeekend(date: string): boolean {
  const day = dayOfWeek(date);
  return day === 0 || day === 6;
}

/** 'YYYY-MM-DD' → 'dd/MM/yyyy'. */
export function formatCivilDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

/** The year at the one-stop desk (Asia/Ho_Chi_Minh), whatever the browser's zone. */
export function vietnamYear(now: Date): number {
  return yearInVietnam(now);
}

/** '17:00 Thứ Sáu, 12/02/2027' in Vietnam time: the server counts deadlines there. */
export function formatVietnamInstant(iso: string): string {
  const { date, time } = vietnamWallClock(iso);
  return `${time} ${weekdayLabel(date)}, ${formatCivilDate(date)}`;
}
