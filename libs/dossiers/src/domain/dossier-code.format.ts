/** Vietnam has no daylight saving: Asia/Ho_Chi_Minh is UTC+7 all year. */
const VN_OFFSET_MS = 7 * 3_600_000;

/** The local day (Asia/Ho_Chi_Minh) of an instant, as `YYYY-MM-DD` (the counter's key). */
export function vietnamDay(instant: Date): string {
  return new Date(instant.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** `{unit code}-{yyMMdd}-{NNNN}` (DOMAIN, Codes), e.g. `000.00.20.H15-251128-0001`. */
export function formatDossierCode(unitCode: string, day: string, n: number): string {
  const yyMMdd = day.slice(2, 4) + day.slice(5, 7) + day.slice(8, 10);
  return `${unitCode}-${yyMMdd}-${String(n).padStart(4, '0')}`;
}
