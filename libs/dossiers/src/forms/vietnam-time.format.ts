/** Vietnam is UTC+7 all year (no daylight saving). */
const VN_OFFSET_MS = 7 * 3_600_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** `HH:mm ngày dd/MM/yyyy` in Vietnam time, as printed on the receipt (TT 01/2018/TT-VPCP asks for the minute). */
export function vietnamDateTime(at: Date | string): string {
  const d = new Date(new Date(at).getTime() + VN_OFFSET_MS);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} ngày ${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** `ngày dd tháng MM năm yyyy` in Vietnam time, the dateline of an administrative document. */
export function vietnamDateline(at: Date | string): string {
  const d = new Date(new Date(at).getTime() + VN_OFFSET_MS);
  return `ngày ${pad(d.getUTCDate())} tháng ${pad(d.getUTCMonth() + 1)} năm ${d.getUTCFullYear()}`;
}

/** VND with dot thousands separators (`2.000 đồng`); zero is fee exempt. */
export function vnd(amount: number): string {
  if (!amount) return 'Miễn phí';
  return `${String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đồng`;
}
