import { ApiError, request, tokenStore } from '../../api/client';

export type GroupBy = 'field' | 'procedure' | 'unit';

export interface SummaryCounts {
  received: number;
  receivedOnline: number;
  receivedDirect: number;
  carriedOver: number;
  resolved: number;
  resolvedEarly: number;
  resolvedOnTime: number;
  resolvedLate: number;
  inProgress: number;
  inProgressWithinTime: number;
  inProgressOverdue: number;
}

export interface SummaryReport {
  from: string;
  to: string;
  unitCode: string;
  unitName: string;
  groupBy: GroupBy;
  lines: (SummaryCounts & { key: string; name: string })[];
  totals: SummaryCounts;
}

export interface OverdueItem {
  kind: 'step' | 'dossier';
  dossierCode: string | null;
  procedureCode: string | null;
  procedureName: string | null;
  unitCode: string;
  unitName: string | null;
  step: string | null;
  taskId: string | null;
  assignee: string | null;
  candidateGroups: string[];
  dueAt: string;
  lateWorkingMs: number;
  lateDays: number;
  lateHours: number;
}

export interface OverdueReport {
  at: string;
  unitCode: string;
  items: OverdueItem[];
  /** Counts of the whole list; `items` is its first page. */
  total: number;
  steps: number;
  dossiers: number;
  limit: number | null;
  offset: number;
}

export interface SummaryQuery {
  from: string;
  to: string;
  unit?: string;
  groupBy: GroupBy;
}

export interface TrendWeek {
  /** Monday of the week, YYYY-MM-DD. */
  week: string;
  received: number;
  resolved: number;
  resolvedLate: number;
}

export interface TrendReport {
  from: string;
  to: string;
  unitCode: string;
  weeks: TrendWeek[];
}

export interface PeriodicFigures {
  carriedOver: number;
  received: number;
  receivedOnline: number;
  resolved: number;
  resolvedOnTime: number;
  resolvedLate: number;
  inProgress: number;
  inProgressOverdue: number;
  processingDays: number;
  onTimeRate: number | null;
  onlineShare: number | null;
  averageProcessingDays: number | null;
}

export interface PeriodicReport {
  year: number;
  half: 1 | 2 | null;
  from: string;
  to: string;
  unitCode: string;
  unitName: string;
  units: (PeriodicFigures & { code: string; name: string; procedures: (PeriodicFigures & { code: string; name: string })[] })[];
  totals: PeriodicFigures;
}

/** The period's table by field, unit and procedure from one read. */
export interface SummaryBreakdown {
  from: string;
  to: string;
  unitCode: string;
  unitName: string;
  byField: SummaryReport['lines'];
  byUnit: SummaryReport['lines'];
  byProcedure: SummaryReport['lines'];
  totals: SummaryCounts;
}

export type ReportFileFormat = 'xlsx' | 'csv' | 'pdf';

export const fetchSummary = (query: SummaryQuery) => request<SummaryReport>('/api/reports/summary', { query: { ...query } });
export const fetchOverdue = (unit?: string) => request<OverdueReport>('/api/reports/overdue', { query: { unit } });
export const fetchBreakdown = (query: { from: string; to: string; unit?: string }) => request<SummaryBreakdown>('/api/reports/breakdown', { query: { ...query } });
export const fetchTrend = (query: { from: string; to: string; unit?: string }) => request<TrendReport>('/api/reports/trend', { query: { ...query } });
export const fetchPeriodic = (query: { year: number; half?: 1 | 2; unit?: string }) =>
  request<PeriodicReport>('/api/reports/periodic', { query: { year: String(query.year), half: query.half ? String(query.half) : undefined, unit: query.unit } });
export const fetchReportUnits = () => request<{ items: { code: string; name: string }[] }>('/api/reports/units');

/** Downloads `path?query&format=` with the bearer token and saves it under the server's file name. */
export async function downloadReport(path: string, query: Record<string, string | undefined>, format: ReportFileFormat): Promise<void> {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...query, format })) if (value) params.set(name, value);
  const response = await fetch(`${path}?${params}`, { headers: { Authorization: `Bearer ${tokenStore.get() ?? ''}` } });
  if (!response.ok) throw new ApiError(response.status, `HTTP_${response.status}`, 'Không tải được báo cáo.');
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `bao-cao.${format}`;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}
