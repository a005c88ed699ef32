import { ApiError, request, tokenStore } from '../../api/client';
import type { operations } from '../../api/schema.gen';
import type { Schemas } from '../../api/schemas';

export type GroupBy = Schemas['ReportGroupBy'];
/** The II.06a counts of a line or of the totals. */
export type SummaryCounts = Schemas['SummaryCountsDto'];
export type SummaryReport = Schemas['SummaryReportDto'];
export type OverdueItem = Schemas['OverdueItemDto'];
export type OverdueReport = Schemas['OverdueReportDto'];
export type SummaryQuery = Pick<
  NonNullable<operations['ReportsController_summary']['parameters']['query']>,
  'from' | 'to' | 'unit'
> & { groupBy: GroupBy };
export type TrendWeek = Schemas['TrendWeekDto'];
export type TrendReport = Schemas['TrendReportDto'];
export type PeriodicFigures = Schemas['PeriodicFiguresDto'];
export type PeriodicReport = Schemas['PeriodicReportDto'];
/** The period's table by field, unit and procedure from one read. */
export type SummaryBreakdown = Schemas['SummaryBreakdownDto'];

export type ReportFileFormat = 'xlsx' | 'csv' | 'pdf';

export const fetchSummary = (query: SummaryQuery) =>
  request<SummaryReport>('/api/reports/summary', { query: { ...query } });
export const fetchOverdue = (unit?: string) => request<OverdueReport>('/api/reports/overdue', { query: { unit } });
export const fetchBreakdown = (query: { from: string; to: string; unit?: string }) =>
  request<SummaryBreakdown>('/api/reports/breakdown', { query: { ...query } });
export const fetchTrend = (query: { from: string; to: string; unit?: string }) =>
  request<TrendReport>('/api/reports/trend', { query: { ...query } });
export const fetchPeriodic = (query: { year: number; half?: 1 | 2; unit?: string }) =>
  request<PeriodicReport>('/api/reports/periodic', {
    query: { year: String(query.year), half: query.half ? String(query.half) : undefined, unit: query.unit },
  });
export const fetchReportUnits = () => request<Schemas['ReportUnitListDto']>('/api/reports/units');

/** Downloads `path?query&format=` with the bearer token and saves it under the server's file name. */
export async function downloadReport(
  path: string,
  query: Record<string, string | undefined>,
  format: ReportFileFormat,
): Promise<void> {
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

/** The process heatmap of one procedure over one period. */
export type HeatmapReport = Schemas['HeatmapReportDto'];
export const fetchHeatmap = (query: { procedure: string; from: string; to: string; unit?: string }) =>
  request<HeatmapReport>('/api/reports/heatmap', { query: { ...query } });

/** Satisfaction ratings by unit or procedure over a period (issue 18 item 6). */
export type RatingsReport = Schemas['RatingsReportDto'];
export type RatingsReportRow = Schemas['RatingsReportRowDto'];
export type RatingsGroupBy = Schemas['RatingsGroupBy'];
export const fetchRatings = (query: { from: string; to: string; unit?: string; groupBy: RatingsGroupBy }) =>
  request<RatingsReport>('/api/reports/ratings', { query: { ...query } });
