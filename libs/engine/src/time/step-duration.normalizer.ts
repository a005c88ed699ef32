import { isDayTimeDuration, parseIsoDuration } from './iso-duration';

const SHORT = /^(?:(\d+(?:[.,]\d+)?)\s*d)?\s*(?:(\d+(?:[.,]\d+)?)\s*h)?\s*(?:(\d+(?:[.,]\d+)?)\s*m)?$/i;

/**
 * Normalises `mc:duration` to ISO 8601: `2d` → `P2D`, `4h` → `PT4H`, `1d4h` → `P1DT4H`
 * (`m` is minutes here); ISO input is upper-cased. Returns null for anything else, including
 * years, months and weeks, which have no fixed length in working time (libs/calendar refuses them).
 */
export function normalizeStepDuration(raw: string): string | null {
  const text = raw.trim();
  if (text === '') return null;
  const short = SHORT.exec(text);
  if (short && (short[1] || short[2] || short[3])) {
    const [days, hours, minutes] = short.slice(1).map((group) => group?.replace(',', '.'));
    const time = (hours ? `${hours}H` : '') + (minutes ? `${minutes}M` : '');
    return `P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
  }
  const iso = parseIsoDuration(text);
  return iso && isDayTimeDuration(iso) ? text.toUpperCase() : null;
}

/** True when `duration` is what normalizeStepDuration produces (an ISO day/time duration). */
export function isStepDuration(duration: string): boolean {
  const iso = parseIsoDuration(duration);
  return iso !== null && isDayTimeDuration(iso) && duration === duration.trim().toUpperCase();
}
