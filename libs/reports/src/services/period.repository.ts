import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ReportPeriod, SummaryCounts, SummaryLine } from '../domain/summary.rules';
import { countsAsResolvedSql } from '../domain/refusal.rule';
import { withoutJit } from './report-reads';
import { FINISHED, periodOutcomes, SUMMARY_COUNTS, vietnamDay } from './report.sql';

export type GroupBy = 'field' | 'procedure' | 'unit';

/** What a period's lines are grouped by: the II.06a groupings, or unit and procedure together (the periodic report). */
export type PeriodGroup = GroupBy | 'unitProcedure';

/** Separates the unit code from the procedure code in an `unitProcedure` key (neither contains it). */
export const KEY_SEPARATOR = '|';

/** Per grouping: the key of a dossier, and the name of a group read once per group after counting. */
const GROUP_SQL: Record<PeriodGroup, { key: string; name: string }> = {
  field: { key: 'p.field', name: 'g.key' },
  procedure: { key: 'd.procedure_code', name: '(SELECT p.name FROM report_procedures p WHERE p.code = g.key)' },
  unit: { key: 'd.unit_code', name: 'COALESCE((SELECT u.name FROM unit_names u WHERE u.code = g.key), g.key)' },
  unitProcedure: {
    key: `d.unit_code || '${KEY_SEPARATOR}' || d.procedure_code`,
    name: `(SELECT p.name FROM report_procedures p WHERE p.code = split_part(g.key, '${KEY_SEPARATOR}', 2))`,
  },
};

/** A dossier resolved within a period, for its processing time. */
export interface ResolvedDossier {
  unitCode: string;
  procedureCode: string;
  receivedAt: Date;
  finishedAt: Date;
  /** Working time spent waiting for the citizen's supplements. */
  pausedMs: number;
}

/** One week of the trend: Monday (Vietnam day) and the counts of that week. */
export interface TrendWeek {
  week: string;
  received: number;
  resolved: number;
  resolvedLate: number;
}

/** Reads for the reports over a period; every query is limited to a list of unit codes. */
@Injectable()
export class PeriodRepository {
  constructor(private readonly db: DataSource) {}

  /** The II.06a lines, one per group (unsorted). */
  async summary(period: ReportPeriod, units: string[], groupBy: PeriodGroup): Promise<SummaryLine[]> {
    const group = GROUP_SQL[groupBy];
    const rows: Record<string, unknown>[] = await withoutJit(this.db, (db) =>
      db.query(
        `SELECT g.key, ${group.name} AS name, ${SUMMARY_COUNTS}
       FROM (${periodOutcomes(group.key)}) g
       GROUP BY g.key`,
        [period.start, period.end, units],
      ),
    );
    return rows.map((row) => ({ ...(row as unknown as SummaryCounts), key: String(row.key), name: String(row.name) }));
  }

  /** Dossiers resolved (result ready or refused, not withdrawn: refusal.rule.ts) within the period. */
  resolved(period: ReportPeriod, units: string[]): Promise<ResolvedDossier[]> {
    return withoutJit(this.db, (db) =>
      db.query(
        `SELECT d.unit_code AS "unitCode", d.procedure_code AS "procedureCode", d.received_at AS "receivedAt",
         ${FINISHED} AS "finishedAt", d.paused_ms::float8 AS "pausedMs"
       FROM report_dossiers d
       WHERE d.unit_code = ANY($3) AND d.received_at < $2 AND ${FINISHED} >= $1 AND ${FINISHED} < $2 AND ${countsAsResolvedSql('d')}`,
        [period.start, period.end, units],
      ),
    );
  }

  /**
   * Fees paid online within the period per unit and procedure (`unitProcedure` keys): the dossiers paid and the
   * VND collected, from libs/payments' published `report_payments` (ADR 0029).
   */
  async onlineFees(period: ReportPeriod, units: string[]): Promise<Map<string, { paid: number; amount: number }>> {
    const rows: { key: string; paid: number; amount: number }[] = await withoutJit(this.db, (db) =>
      db.query(
        `SELECT d.unit_code || '${KEY_SEPARATOR}' || d.procedure_code AS key, count(DISTINCT pay.dossier_code)::int AS paid,
                sum(pay.amount)::float8 AS amount
           FROM report_payments pay JOIN report_dossiers d ON d.code = pay.dossier_code
          WHERE d.unit_code = ANY($3) AND pay.paid_at >= $1 AND pay.paid_at < $2
          GROUP BY 1`,
        [period.start, period.end, units],
      ),
    );
    return new Map(rows.map((row) => [row.key, { paid: row.paid, amount: row.amount }]));
  }

  /** Received and resolved per week (weeks start on Monday, Vietnam days); weeks with nothing are absent. */
  async trend(period: ReportPeriod, units: string[]): Promise<TrendWeek[]> {
    const week = (column: string) => `to_char(date_trunc('week', ${vietnamDay(column)}), 'YYYY-MM-DD')`;
    return withoutJit(this.db, (db) =>
      db.query(
        `SELECT week, sum(received)::int AS received, sum(resolved)::int AS resolved, sum(late)::int AS "resolvedLate" FROM (
         SELECT ${week('d.received_at')} AS week, 1 AS received, 0 AS resolved, 0 AS late
         FROM report_dossiers d WHERE d.unit_code = ANY($3) AND d.received_at >= $1 AND d.received_at < $2
         UNION ALL
         SELECT ${week(FINISHED)}, 0, 1, CASE WHEN ${FINISHED} > d.appointment_at THEN 1 ELSE 0 END
         FROM report_dossiers d WHERE d.unit_code = ANY($3) AND d.received_at < $2 AND ${FINISHED} >= $1 AND ${FINISHED} < $2 AND ${countsAsResolvedSql('d')}
       ) w GROUP BY week ORDER BY week`,
        [period.start, period.end, units],
      ),
    );
  }
}
