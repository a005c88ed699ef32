import { vietnamDayNumber, vietnamMidnight } from '../../../calendar/src';
import { countsAsResolved } from './refusal.rule';

/**
 * Biểu II.06a (TT 01/2018/TT-VPCP) computed from plain rows, so the SQL aggregation in
 * `ReportsRepository.summary` can be checked against it. Both follow these rules:
 * - a period is Vietnam days [from 00:00, the day after `to` 00:00);
 * - a dossier is finished at `finishedAt` = `resolved_at` (result ready, refused, withdrawn),
 *   else `returned_at`; a withdrawn dossier leaves the table when withdrawn (it is neither
 *   resolved nor in progress after that);
 * - carried over: received before the period and not finished at its start;
 * - newly received: received within the period, online or in person + postal;
 *   the received total is carried over + newly received (the official form's "Tổng số");
 * - a refused dossier (by the desk or by the diagram's end event) is resolved when the refusal is
 *   handed back, judged by the appointment like a result (refusal.rule.ts gives the official ground);
 * - resolved: finished within the period (not withdrawn), compared with the appointment as
 *   moved by supplements and apologies up to the period's end (`appointmentAsOf`): early = on a Vietnam day before the appointment's day,
 *   on time = by the appointment, late = after it;
 * - in progress: received and not finished at the period's end; within time when the end is
 *   not after the appointment, else overdue.
 * So received total = resolved + in progress + withdrawn during the period.
 */
export interface SummaryRow {
  groupKey: string;
  groupName: string;
  channel: 'direct' | 'online' | 'postal';
  status: string;
  receivedAt: Date;
  /** The appointment in force at the period's end (`appointmentAsOf`), not necessarily today's. */
  appointmentAt: Date;
  finishedAt: Date | null;
}

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

export interface SummaryLine extends SummaryCounts {
  key: string;
  name: string;
}

export interface ReportPeriod {
  /** First instant of the period (Vietnam midnight of `from`). */
  start: Date;
  /** First instant after it (Vietnam midnight after `to`): in progress is measured here. */
  end: Date;
}

const DAY_MS = 86_400_000;
/** The Vietnam calendar day of an instant, as a number (libs/calendar's vietnamDayNumber). */
export const vietnamDay = (at: Date) => vietnamDayNumber(at);

/** The period of Vietnam days `from`..`to` (YYYY-MM-DD, both included). */
export function reportPeriod(from: string, to: string): ReportPeriod {
  const start = vietnamMidnight(from);
  const end = new Date(vietnamMidnight(to).getTime() + DAY_MS);
  return { start, end };
}

export const emptyCounts = (): SummaryCounts => ({
  received: 0,
  receivedOnline: 0,
  receivedDirect: 0,
  carriedOver: 0,
  resolved: 0,
  resolvedEarly: 0,
  resolvedOnTime: 0,
  resolvedLate: 0,
  inProgress: 0,
  inProgressWithinTime: 0,
  inProgressOverdue: 0,
});

/** Adds one dossier to `counts` (mutates it). */
export function countDossier(counts: SummaryCounts, row: SummaryRow, period: ReportPeriod): void {
  const { start, end } = period;
  const received = row.receivedAt.getTime();
  const finished = row.finishedAt?.getTime() ?? null;
  const appointment = row.appointmentAt.getTime();
  if (received >= end.getTime()) return;
  const carried = received < start.getTime() && (finished === null || finished >= start.getTime());
  const fresh = received >= start.getTime();
  if (!carried && !fresh) return;
  if (carried) counts.carriedOver++;
  if (fresh && row.channel === 'online') counts.receivedOnline++;
  if (fresh && row.channel !== 'online') counts.receivedDirect++;
  counts.received++;
  if (finished !== null && finished < end.getTime()) {
    if (!countsAsResolved(row.status)) return;
    counts.resolved++;
    if (vietnamDay(row.finishedAt!) < vietnamDay(row.appointmentAt)) counts.resolvedEarly++;
    else if (finished <= appointment) counts.resolvedOnTime++;
    else counts.resolvedLate++;
    return;
  }
  counts.inProgress++;
  if (end.getTime() <= appointment) counts.inProgressWithinTime++;
  else counts.inProgressOverdue++;
}

/** The table: one line per group met (sorted by key), lines with nothing to count dropped, and the totals. */
export function summarize(
  rows: readonly SummaryRow[],
  period: ReportPeriod,
): { lines: SummaryLine[]; totals: SummaryCounts } {
  const groups = new Map<string, SummaryLine>();
  for (const row of rows) {
    const line = groups.get(row.groupKey) ?? { key: row.groupKey, name: row.groupName, ...emptyCounts() };
    countDossier(line, row, period);
    groups.set(row.groupKey, line);
  }
  const lines = [...groups.values()].filter((line) => line.received > 0).sort((a, b) => a.key.localeCompare(b.key));
  return { lines, totals: addUp(lines) };
}

/** The totals row. */
export function addUp(lines: readonly SummaryCounts[]): SummaryCounts {
  const totals = emptyCounts();
  for (const line of lines)
    for (const field of Object.keys(totals) as (keyof SummaryCounts)[]) totals[field] += line[field];
  return totals;
}
