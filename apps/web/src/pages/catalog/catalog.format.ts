import type { Schemas } from '../../api/schemas';

/** A published procedure as the list gives it, and as its page gives it (with where to hand it in). */
export type CatalogProcedure = Schemas['ProcedureDto'];
export type CatalogProcedurePage = Schemas['PublicProcedureDto'];

export const LEVEL_LABELS: Record<string, string> = {
  province: 'Cấp tỉnh',
  district: 'Cấp huyện',
  commune: 'Cấp xã',
};

export const DOCUMENT_KIND_LABELS: Record<string, string> = {
  original: 'Bản chính',
  certified_copy: 'Bản sao có chứng thực',
  copy: 'Bản sao',
};

/** "100.000 đồng" (the dot groups thousands, as Vietnamese writes money); "Không thu phí" for 0. */
export function feeText(fee: number): string {
  if (fee <= 0) return 'Không thu phí, lệ phí';
  const grouped = String(Math.round(fee)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${grouped} đồng`;
}

/** The legal time as the catalog states it: "3 ngày làm việc", "4 giờ làm việc", "Trong ngày làm việc". */
export function legalTimeText(legal: CatalogProcedure['legalTime'] | null | undefined): string {
  if (legal?.sameDay === true) return 'Trong ngày làm việc';
  if (legal?.days) return `${legal.days} ngày làm việc`;
  if (legal?.hours) return `${legal.hours} giờ làm việc`;
  return 'Theo quy định';
}

/** "07:00 – 11:30, 13:30 – 17:00" */
export function officeHoursText(sessions: readonly { start: string; end: string }[]): string {
  return sessions.map((s) => `${s.start} – ${s.end}`).join(', ');
}

export const onlineAllowed = (procedure: Pick<CatalogProcedure, 'channels'>): boolean =>
  procedure.channels.includes('online');
