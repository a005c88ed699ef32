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

/** `dd/MM/yyyy HH:mm` in the browser's time zone (officers work in Asia/Ho_Chi_Minh). */
export function formatDateTime(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(date.getDate())}/${two(date.getMonth() + 1)}/${date.getFullYear()} ${two(date.getHours())}:${two(date.getMinutes())}`;
}
