const pad = (n: number) => String(n).padStart(2, '0');
/** Vietnam has no daylight saving: UTC+7 all year. */
const shift = (at: Date) => new Date(at.getTime() + 7 * 3_600_000);

/** 03/12/2026 in Vietnam time. */
export function vietnamDate(at: Date): string {
  const d = shift(at);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** 03/12/2026 09:00 in Vietnam time. */
export function vietnamDateTime(at: Date): string {
  const d = shift(at);
  return `${vietnamDate(at)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
