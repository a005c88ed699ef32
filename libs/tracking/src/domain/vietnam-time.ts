import { vietnamWallClock } from '../../../calendar/src';

const pad = (n: number) => String(n).padStart(2, '0');

/** 03/12/2026 in Vietnam time. */
export function vietnamDate(at: Date): string {
  const d = vietnamWallClock(at);
  return `${pad(d.day)}/${pad(d.month)}/${d.year}`;
}

/** 03/12/2026 09:00 in Vietnam time. */
export function vietnamDateTime(at: Date): string {
  return `${vietnamDate(at)} ${vietnamWallClock(at).time}`;
}
