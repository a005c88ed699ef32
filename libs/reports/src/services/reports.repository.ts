import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

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

export const OVERDUE_SORTS = ['late', 'due', 'unit', 'procedure', 'assignee'] as const;
export type OverdueSort = (typeof OVERDUE_SORTS)[number];
export interface OverdueFilter { procedure?: string; assignee?: string }
export interface OverduePage { sort: OverdueSort; limit: number | null; offset: number }

/**
 * Orders of the overdue list. Most late first is the earliest due first: lateness is the working
 * time since the due time, which grows as the due time is earlier (exactly so within one calendar).
 * Text is ordered by code points (`COLLATE "C"`), whatever the database's collation.
 */
const THEN = `"dossierCode" COLLATE "C", "taskId" COLLATE "C"`;
const ORDER_SQL: Record<OverdueSort, string> = {
  late: `"dueAt", kind DESC, ${THEN}`,
  due: `"dueAt", kind DESC, ${THEN}`,
  unit: `"unitCode" COLLATE "C", "dueAt", ${THEN}`,
  procedure: `"procedureCode" COLLATE "C" NULLS LAST, "dueAt", ${THEN}`,
  assignee: `assignee COLLATE "C" NULLS LAST, "dueAt", ${THEN}`,
};

/** Unfinished and not waiting for a supplement (`dossiers_open_appointment_idx` covers it). */
const OPEN_DOSSIER = `d.resolved_at IS NULL AND d.returned_at IS NULL AND d.paused_at IS NULL`;
/** Who holds a dossier: the assignees of its open steps. */
const DOSSIER_HOLDERS = (instanceId: string) => `(SELECT string_agg(DISTINCT t.assignee, ', ') FROM tasks t WHERE t.instance_id = ${instanceId} AND t.status = 'open')`;

/** Units and the overdue list; every query is limited to a list of unit codes. */
@Injectable()
export class ReportsRepository {
  constructor(private readonly db: DataSource) {}

  /** Code and name of the given units, by code. */
  units(codes: string[]): Promise<{ code: string; name: string }[]> {
    return this.db.query(`SELECT code, name FROM units WHERE code = ANY($1) AND active ORDER BY code`, [codes]);
  }

  /**
   * Open steps past due (or flagged overdue) in `units`, and unresolved dossiers past their
   * appointment, in the order asked, one page of them (`limit` null: all), with the counts of all.
   */
  async overdue(now: Date, units: string[], filter: OverdueFilter, page: OverduePage): Promise<{ records: OverdueRecord[]; total: number; steps: number }> {
    const order = ORDER_SQL[page.sort];
    const rows: (OverdueRecord & { total: number; steps: number })[] = await this.db.query(
      `WITH items AS (
         SELECT 'step' AS kind, d.code AS "dossierCode", i.procedure_code AS "procedureCode", t.unit_code AS "unitCode", t.name AS step,
           t.id::text AS "taskId", t.assignee, t.candidate_groups AS "candidateGroups", t.due_at AS "dueAt", t.instance_id AS "instanceId"
         FROM tasks t
         JOIN process_instances i ON i.id = t.instance_id
         LEFT JOIN dossiers d ON d.instance_id = t.instance_id
         WHERE t.status = 'open' AND t.due_at IS NOT NULL AND (t.due_at < $1 OR t.overdue_at IS NOT NULL)
           AND t.unit_code = ANY($2)
           AND ($3::text IS NULL OR i.procedure_code = $3) AND ($4::text IS NULL OR t.assignee = $4)
         UNION ALL
         -- A dossier waiting for a supplement is paused: its appointment moves on receipt, so it is not late.
         SELECT 'dossier', d.code, d.procedure_code, d.unit_code, s.current_step, NULL, ${page.sort === 'assignee' ? DOSSIER_HOLDERS('d.instance_id') : 'NULL'},
           '{}'::text[], d.appointment_at, d.instance_id
         FROM dossiers d
         LEFT JOIN dossier_status s ON s.code = d.code
         WHERE ${OPEN_DOSSIER} AND d.status NOT IN ('returned', 'rejected', 'withdrawn', 'result_ready', 'supplement_required')
           AND d.appointment_at < $1 AND d.unit_code = ANY($2)
           AND ($3::text IS NULL OR d.procedure_code = $3)
           AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM tasks t WHERE t.instance_id = d.instance_id AND t.status = 'open' AND t.assignee = $4))
       ),
       counts AS (SELECT count(*)::int AS total, (count(*) FILTER (WHERE kind = 'step'))::int AS steps FROM items),
       page AS (SELECT * FROM items ORDER BY ${order} LIMIT $5 OFFSET $6)
       SELECT counts.total, counts.steps, page.kind, page."dossierCode", page."procedureCode", page."unitCode", page.step, page."taskId",
         page."candidateGroups", page."dueAt", p.name AS "procedureName", u.name AS "unitName",
         COALESCE(page.assignee, CASE WHEN page.kind = 'dossier' THEN ${DOSSIER_HOLDERS('page."instanceId"')} END) AS assignee
       FROM counts
       LEFT JOIN page ON true
       LEFT JOIN procedures p ON p.code = page."procedureCode"
       LEFT JOIN units u ON u.code = page."unitCode"
       ORDER BY ${order}`,
      [now, units, filter.procedure ?? null, filter.assignee ?? null, page.limit, page.offset],
    );
    const records = rows.filter((row) => row.kind).map(({ total: _total, steps: _steps, ...record }) => record);
    return { records, total: rows[0]?.total ?? 0, steps: rows[0]?.steps ?? 0 };
  }
}
