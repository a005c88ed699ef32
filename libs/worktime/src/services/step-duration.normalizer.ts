const SHORT_FORM = /^(\d+(?:[.,]\d+)?)\s*([dhm])$/i;
const WEEKS = /^P(\d+(?:[.,]\d+)?)W$/i;
const SHORT_UNITS: Record<string, (n: string) => string> = {
  d: (n) => `P${n}D`,
  h: (n) => `PT${n}H`,
  m: (n) => `PT${n}M`,
};

/**
 * A step duration as libs/calendar reads it: `2d`/`4h`/`30m` (the modeler's short form) become
 * `P2D`/`PT4H`/`PT30M`, and `PnW` becomes 5n working days (a working week is Monday–Friday).
 * Anything else is passed on for the calendar to accept or refuse.
 */
export function normalizeStepDuration(duration: string): string {
  const text = duration.trim();
  const short = SHORT_FORM.exec(text);
  if (short) return SHORT_UNITS[short[2].toLowerCase()](short[1]);
  const weeks = WEEKS.exec(text);
  if (weeks) return `P${Number(weeks[1].replace(',', '.')) * 5}D`;
  return text;
}
