import { vietnamDateString } from '../../../calendar/src';

/** The local day (Vietnam time) of an instant, as `YYYY-MM-DD` (the counter's key). */
export function vietnamDay(instant: Date): string {
  return vietnamDateString(instant);
}

/** `{unit code}-{yyMMdd}-{NNNN}` (DOMAIN, Codes), e.g. `000.00.20.H15-251128-0001`. */
export function formatDossierCode(unitCode: string, day: string, n: number): string {
  const yyMMdd = day.slice(2, 4) + day.slice(5, 7) + day.slice(8, 10);
  return `${unitCode}-${yyMMdd}-${String(n).padStart(4, '0')}`;
}
