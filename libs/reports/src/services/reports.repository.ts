import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ReportPeriod, SummaryCounts, SummaryLine } from '../domain/summary.rules';

export type GroupBy = 'field' | 'procedure' | 'unit';

/** An overdue open step or dossier as read from the tables (lateness is added by the service). */
export interface OverdueRecord {
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
  dueAt: Date;
}

const GROUP_SQL: Record<GroupBy, { key: string; name: string }> = {
  field: { key: 'p.field', name: 'p.field' },
  procedure: { key: 'd.procedure_code', name: 'p.name' },
  unit: { key: 'd.unit_code', name: `COALESCE(u.name, d.unit_code)` },
};

// The rules of domain/summary.rules.ts in SQL: $1 = period start, $2 = period end, $3 = units.
const FINISHED = `COALESCE(d.resolved_at, d.returned_at)`;
const CARRIED = `(d.received_at < $1 AND (${FINISHED} IS NULL OR ${FINISHED} >= $1))`;
const FRESH = `(d.received_at >= $1 AND d.received_at < $2)`;
const RESOLVED = `(${FINISHED} < $2 AND d.status <> 'withdrawn')`;
const IN_PROGRESS = `(${FINISHED} IS NULL OR ${FINISHED} >= $2)`;
const VN_DAY = (column: string) => `(${column} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;

/** Reads for the leaders' reports; every query is limited to a list of unit codes. */
@Injectable()
export class ReportsRepository {
  constructor(private readonly db: DataSource) {}

  /** Code and name of the given units, by code. */
  units(codes: string[]): Promise<{ code: string; name: string }[]> {
    return this.db.query(`SELECT code, name FROM units WHERE code = ANY($1) AND active ORDER BY code`, [codes]);
  }

  /** The II.06a lines, one per group (unsorted). */
  async summary(period: ReportPeriod, units: string[], groupBy: GroupBy): Promise<SummaryLine[]> {
    const group = GROUP_SQL[groupBy];
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT ${group.key} AS key, MIN(${group.name}) AS name,
         count(*)::int AS received,
         count(*) FILTER (WHERE ${FRESH} AND d.channel = 'online')::int AS "receivedOnline",
         count(*) FILTER (WHERE ${FRESH} AND d.channel <> 'online')::int AS "receivedDirect",
         count(*) FILTER (WHERE ${CARRIED})::int AS "carriedOver",
         count(*) FILTER (WHERE ${RESOLVED})::int AS resolved,
         count(*) FILTER (WHERE ${RESOLVED} AND ${VN_DAY(FINISHED)} < ${VN_DAY('d.appointment_at')})::int AS "resolvedEarly",
         count(*) FILTER (WHERE ${RESOLVED} AND ${VN_DAY(FINISHED)} >= ${VN_DAY('d.appointment_at')} AND ${FINISHED} <= d.appointment_at)::int AS "resolvedOnTime",
         count(*) FILTER (WHERE ${RESOLVED} AND ${FINISHED} > d.appointment_at)::int AS "resolvedLate",
         count(*) FILTER (WHERE ${IN_PROGRESS})::int AS "inProgress",
         count(*) FILTER (WHERE ${IN_PROGRESS} AND $2 <= d.appointment_at)::int AS "inProgressWithinTime",
         count(*) FILTER (WHERE ${IN_PROGRESS} AND $2 > d.appointment_at)::int AS "inProgressOverdue"
       FROM dossiers d
       JOIN procedures p ON p.code = d.procedure_code
       LEFT JOIN units u ON u.code = d.unit_code
       WHERE d.unit_code = ANY($3) AND d.received_at < $2 AND (${FRESH} OR ${CARRIED})
       GROUP BY ${group.key}`,
      [period.start, period.end, units],
    );
    return rows.map((row) => ({ ...(row as unknown as SummaryCounts), key: String(row.key), name: String(row.name) }));
  }

  /** Open steps past due (or flagged overdue) in `units`, and unresolved dossiers past their appointment. */
  async overdue(now: Date, units: string[], filter: { procedure?: string; assignee?: string }): Promise<OverdueRecord[]> {
    const steps: OverdueRecord[] = await this.db.query(
      `SELECT 'step' AS kind, d.code AS "dossierCode", i.procedure_code AS "procedureCode", p.name AS "procedureName",
         t.unit_code AS "unitCode", u.name AS "unitName", t.name AS step, t.id AS "taskId", t.assignee,
         t.candidate_groups AS "candidateGroups", t.due_at AS "dueAt"
       FROM tasks t
       JOIN process_instances i ON i.id = t.instance_id
       LEFT JOIN dossiers d ON d.instance_id = t.instance_id
       LEFT JOIN procedures p ON p.code = i.procedure_code
       LEFT JOIN units u ON u.code = t.unit_code
       WHERE t.status = 'open' AND t.due_at IS NOT NULL AND (t.due_at < $1 OR t.overdue_at IS NOT NULL)
         AND t.unit_code = ANY($2)
         AND ($3::text IS NULL OR i.procedure_code = $3) AND ($4::text IS NULL OR t.assignee = $4)`,
      [now, units, filter.procedure ?? null, filter.assignee ?? null],
    );
    // A dossier waiting for a supplement is paused: its appointment moves on receipt, so it is not late.
    const dossiers: OverdueRecord[] = await this.db.query(
      `SELECT 'dossier' AS kind, d.code AS "dossierCode", d.procedure_code AS "procedureCode", p.name AS "procedureName",
         d.unit_code AS "unitCode", u.name AS "unitName", s.current_step AS step, NULL AS "taskId",
         (SELECT string_agg(DISTINCT t.assignee, ', ') FROM tasks t WHERE t.instance_id = d.instance_id AND t.status = 'open') AS assignee,
         '{}'::text[] AS "candidateGroups", d.appointment_at AS "dueAt"
       FROM dossiers d
       JOIN procedures p ON p.code = d.procedure_code
       LEFT JOIN dossier_status s ON s.code = d.code
       LEFT JOIN units u ON u.code = d.unit_code
       WHERE d.resolved_at IS NULL AND d.returned_at IS NULL AND d.paused_at IS NULL
         AND d.status NOT IN ('returned', 'rejected', 'withdrawn', 'result_ready', 'supplement_required')
         AND d.appointment_at < $1 AND d.unit_code = ANY($2)
         AND ($3::text IS NULL OR d.procedure_code = $3)
         AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM tasks t WHERE t.instance_id = d.instance_id AND t.status = 'open' AND t.assignee = $4))`,
      [now, units, filter.procedure ?? null, filter.assignee ?? null],
    );
    return [...steps, ...dossiers];
  }
}
