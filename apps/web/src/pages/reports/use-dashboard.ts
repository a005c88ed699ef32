import { App } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { reportError } from '../../api/report-error';
import {
  fetchBreakdown,
  fetchOverdue,
  fetchSummary,
  fetchTrend,
  type GroupBy,
  type OverdueReport,
  type SummaryBreakdown,
  type SummaryReport,
  type TrendReport,
} from './reports.api';
import { vietnamDateString } from '../../../../../libs/calendar/src/vietnam-time.js';

export interface DashboardData {
  /** Biểu II.06a of the chosen period by field, unit and procedure (one read). */
  breakdown?: SummaryBreakdown;
  /** This month so far (the "received this month" card). */
  month?: SummaryReport;
  overdue?: OverdueReport;
  trend?: TrendReport;
  /** Why the trend is missing (e.g. a period too long to draw by week). */
  trendError?: string;
  loading: boolean;
}

/** Today in Vietnam as YYYY-MM-DD, whatever the device's time zone. */
export const vnToday = () => vietnamDateString(Date.now());

/** The breakdown as the II.06a table grouped as asked. */
export function tableOf(breakdown: SummaryBreakdown | undefined, groupBy: GroupBy): SummaryReport | undefined {
  if (!breakdown) return undefined;
  const lines = { field: breakdown.byField, unit: breakdown.byUnit, procedure: breakdown.byProcedure }[groupBy];
  return {
    from: breakdown.from,
    to: breakdown.to,
    unitCode: breakdown.unitCode,
    unitName: breakdown.unitName,
    groupBy,
    lines,
    totals: breakdown.totals,
  };
}

/** Everything the dashboard shows for a period and a unit, reloaded when either changes. */
export function useDashboard(period: { from: string; to: string }, unit: string | undefined): DashboardData {
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
      const [breakdown, month, overdue, trendResult] = await Promise.all([
        fetchBreakdown({ ...period, unit }),
        fetchSummary({ from: `${today.slice(0, 8)}01`, to: today, unit, groupBy: 'field' }),
        fetchOverdue(unit),
        trend,
      ]);
      setData({ breakdown, month, overdue, ...trendResult, loading: false });
    } catch (cause) {
      reportError(message, cause);
      setData((previous) => ({ ...previous, loading: false }));
    }
  }, [period, unit, message]);

  useEffect(() => void load(), [load]);
  return data;
}
