import { formatVietnamDate, vietnamWallClock } from '../../../calendar/src';

const pad = (n: number) => String(n).padStart(2, '0');

/** `HH:mm ngày dd/MM/yyyy` in Vietnam time, as printed on the receipt (TT 01/2018/TT-VPCP asks for the minute). */
export function vietnamDateTime(at: Date | string): string {
  return `${vietnamWallClock(at).time} ngày ${formatVietnamDate(at)}`;
}

/** `ngày dd tháng MM năm yyyy` in Vietnam time, the dateline of an administrative document. */
export function vietnamDateline(at: Date | string): string {
  const d = vietnamWallClock(at);
  return `ngày ${pad(d.day)} tháng ${pad(d.month)} năm ${d.year}`;
}

/** VND with dot thousands separators (`2.000 đồng`); zero is fee exempt. */
export function vnd(amount: number): string {
  if (!amount) return 'Miễn phí';
  return `${String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đồng`;
}
