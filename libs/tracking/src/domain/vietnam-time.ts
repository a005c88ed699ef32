import { formatVietnamDate, formatVietnamDateTime } from '../../../calendar/src';

/** 03/12/2026 in Vietnam time. */
export function vietnamDate(at: Date): string {
  return formatVietnamDate(at);
}

/** 03/12/2026 09:00 in Vietnam time. */
export function vietnamDateTime(at: Date): string {
  return formatVietnamDateTime(at);
}
