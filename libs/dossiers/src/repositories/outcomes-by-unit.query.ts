import { vietnamDateSql } from '../../../calendar/src';

/**
 * Dossiers received in `[$1, $2)` (either bound null: open) per unit, with the unit's name and how
 * they ended or stand at `$3` (now): resolved early, on time or late, in progress on time or overdue.
 * `settled` is the SQL predicate on alias `d` of the dossiers that count (libs/reports' refusal rule).
 * Published by libs/dossiers, which owns the table, for the provincial statistics channel (issue 17
 * item 4); the unit's name is read from libs/identity's published view `unit_names`.
 */
export function outcomesByUnitSql(settled: string): string {
  return `SELECT d.unit_code AS "unitCode", COALESCE(u.name, d.unit_code) AS "unitName",
              count(*)::int AS received,
              count(*) FILTER (WHERE ${settled} AND d.resolved_at IS NOT NULL AND ${vietnamDateSql('d.resolved_at')} < ${vietnamDateSql('d.appointment_at')})::int AS "resolvedEarly",
              count(*) FILTER (WHERE ${settled} AND d.resolved_at IS NOT NULL AND d.resolved_at <= d.appointment_at
                               AND ${vietnamDateSql('d.resolved_at')} >= ${vietnamDateSql('d.appointment_at')})::int AS "resolvedOnTime",
              count(*) FILTER (WHERE ${settled} AND d.resolved_at > d.appointment_at)::int AS "resolvedLate",
              count(*) FILTER (WHERE ${settled} AND d.resolved_at IS NULL AND d.appointment_at >= $3)::int AS "inProgressOnTime",
              count(*) FILTER (WHERE ${settled} AND d.resolved_at IS NULL AND d.appointment_at < $3)::int AS "inProgressOverdue"
         FROM dossiers d LEFT JOIN unit_names u ON u.code = d.unit_code
        WHERE ($1::timestamptz IS NULL OR d.received_at >= $1) AND ($2::timestamptz IS NULL OR d.received_at < $2)
        GROUP BY d.unit_code, u.name ORDER BY d.unit_code`;
}
