import { formatVietnamDateTime } from '../../../../../libs/calendar/src/vietnam-time.js';

/** How close a task is to its due time, as shown on the inbox badge. */
export type DueState = 'none' | 'on_time' | 'due_soon' | 'overdue';

/** A task due within this window is "Sắp đến hạn". */
export const DUE_SOON_MS = 24 * 60 * 60 * 1000;

/** Pure so it can be tested without a clock: `now` is passed in. The server's overdue flag wins over the browser's clock. */
export function dueState(dueAt: string | null, now: Date, overdue = false): DueState {
  if (overdue) return 'overdue';
  if (!dueAt) return 'none';
  const left = new Date(dueAt).getTime() - now.getTime();
  if (Number.isNaN(left)) return 'none';
  if (left < 0) return 'overdue';
  return left <= DUE_SOON_MS ? 'due_soon' : 'on_time';
}

/**
 * `dd/MM/yyyy HH:mm` in Vietnam time, whatever the device's time zone: a deadline printed on a
 * receipt and shown in the inbox must read the same on a kiosk set to UTC.
 */
export function formatDateTime(iso: string | null): string {
  if (!iso) return '';
  const instant = new Date(iso).getTime();
  if (Number.isNaN(instant)) return '';
  return formatVietnamDateTime(instant);
}
