/** One working day is 8 working hours (DESIGN §4: office hours 07:00–11:30 and 13:30–17:00). */
export const HOURS_PER_WORKING_DAY = 8;

export type DurationUnit = 'd' | 'h';

/** A step duration as the panel edits it: an amount of working days or working hours. */
export interface EditableDuration {
  amount: number;
  unit: DurationUnit;
}

// The forms libs/engine accepts (time/step-duration.normalizer.ts): `2d`, `4h`, `1d4h`, `30m`, and ISO day/time durations.
const SHORT = /^(?:(\d+(?:[.,]\d+)?)\s*d)?\s*(?:(\d+(?:[.,]\d+)?)\s*h)?\s*(?:(\d+(?:[.,]\d+)?)\s*m)?$/i;
const ISO = /^P(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/i;

const num = (group: string | undefined): number => (group ? Number(group.replace(',', '.')) : 0);

/** Working hours of an `mc:duration` value, or null when the engine would refuse it (DURATION_INVALID). */
export function workingHours(raw: string | undefined | null): number | null {
  const text = raw?.trim() ?? '';
  if (text === '') return null;
  const short = SHORT.exec(text);
  if (short && (short[1] || short[2] || short[3])) {
    return num(short[1]) * HOURS_PER_WORKING_DAY + num(short[2]) + num(short[3]) / 60;
  }
  const iso = ISO.exec(text);
  if (iso && text !== 'P' && !/T$/i.test(text) && (iso[1] || iso[2] || iso[3] || iso[4])) {
    return num(iso[1]) * HOURS_PER_WORKING_DAY + num(iso[2]) + num(iso[3]) / 60 + num(iso[4]) / 3600;
  }
  return null;
}

/** `2d` → 2 days, `4h` → 4 hours, `1d4h` → 12 hours; null when absent or unreadable. */
export function toEditable(raw: string | undefined | null): EditableDuration | null {
  const hours = workingHours(raw);
  if (hours === null) return null;
  const writtenInDays = /^\s*\d+(?:[.,]\d+)?\s*d\s*$/i.test(raw ?? '') || /^P\d+(?:[.,]\d+)?D$/i.test(raw?.trim() ?? '');
  return writtenInDays ? { amount: hours / HOURS_PER_WORKING_DAY, unit: 'd' } : { amount: hours, unit: 'h' };
}

/** The `mc:duration` value for an amount, or undefined (attribute removed) when there is none. */
export function formatStepDuration(amount: number | null | undefined, unit: DurationUnit): string | undefined {
  if (amount === null || amount === undefined || !Number.isFinite(amount) || amount <= 0) return undefined;
  return `${Number(amount.toFixed(2))}${unit}`;
}

/** "2 ngày 4 giờ làm việc"; "0 giờ" for nothing. */
export function describeWorkingHours(hours: number): string {
  const rounded = Math.round(hours * 100) / 100;
  const days = Math.floor(rounded / HOURS_PER_WORKING_DAY);
  const rest = Math.round((rounded - days * HOURS_PER_WORKING_DAY) * 100) / 100;
  const parts = [days ? `${days} ngày` : '', rest ? `${String(rest).replace('.', ',')} giờ` : ''].filter(Boolean);
  return parts.length ? `${parts.join(' ')} làm việc` : '0 giờ';
}
