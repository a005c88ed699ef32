import { App } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { reportError } from '../../api/report-error';
import { fetchOverdue, fetchSummary, fetchTrend, type GroupBy, type OverdueReport, type SummaryReport, type TrendReport } from './reports.api';

export interface DashboardData {
  /** Biểu II.06a of the chosen period, grouped as chosen. */
  summary?: SummaryReport;
  /** The same period by unit and by procedure, for the bars. */
  byUnit?: SummaryReport;
  byProcedure?: SummaryReport;
  /** This month so far (the "received this month" card). */
  month?: SummaryReport;
  overdue?: OverdueReport;
  trend?: TrendReport;
  /** Why the trend is missing (e.g. a period too long to draw by week). */
  trendError?: string;
  loading: boolean;
}

/** Today in Vietnam as YYYY-MM-DD, whatever the device's time zone. */
export const vnToday = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

/** Everything the dashboard shows for a period and a unit, reloaded when either changes. */
export function useDashboard(period: { from: string; to: string }, unit: string | undefined, groupBy: GroupBy): DashboardData {
  const { message } = App.useApp();
  const [data, setData] = useState<DashboardData>({ loading: true });

  const load = useCallback(async () => {
    setData((previous) => ({ ...previous, loading: true }));
    const today = vnToday();
    const trend = fetchTrend({ ...period, unit }).then(
      (report) => ({ trend: report, trendError: undefined }),
      (cause: Error) => ({ trend: undefined, trendError: cause.message }),
    );
    try {
      const [summary, byUnit, byProcedure, month, overdue, trendResult] = await Promise.all([
        fetchSummary({ ...period, unit, groupBy }),
        fetchSummary({ ...period, unit, groupBy: 'unit' }),
        fetchSummary({ ...period, unit, groupBy: 'procedure' }),
        fetchSummary({ from: `${today.slice(0, 8)}01`, to: today, unit, groupBy: 'field' }),
        fetchOverdue(unit),
        trend,
      ]);
      setData({ summary, byUnit, byProcedure, month, overdue, ...trendResult, loading: false });
    } catch (cause) {
      reportError(message, cause);
      setData((previous) => ({ ...previous, loading: false }));
    }
  }, [period, unit, groupBy, message]);

  useEffect(() => void load(), [load]);
  return data;
}
