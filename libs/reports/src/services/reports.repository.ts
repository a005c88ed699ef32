import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { withoutJit } from './report-reads';

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
 * Orders of the overdue list, over the columns of `items` (below) under `alias`. Most late first is
 * the earliest due first: lateness is the working time since the due time, which grows as the due
 * time is earlier (exactly so within one calendar). Text is ordered by code points (`COLLATE "C"`),
 * whatever the database's collation; ties go to steps before dossiers, then by id.
 */
function orderBy(sort: OverdueSort, alias: string): string {
  const then = `${alias}."dueAt", ${alias}.kind DESC, ${alias}."dossierCode" COLLATE "C", ${alias}."taskId"`;
  switch (sort) {
    case 'unit': return `${alias}."unitCode" COLLATE "C", ${then}`;
    case 'procedure': return `${alias}."procedureCode" COLLATE "C" NULLS LAST, ${then}`;
    case 'assignee': return `${alias}.assignee COLLATE "C" NULLS LAST, ${then}`;
    default: return then;
  }
}

/** Unfinished and not waiting for a supplement (`dossiers_open_unit_appointment_idx` covers it with the unit and the appointment). */
const OPEN_DOSSIER = `d.resolved_at IS NULL AND d.returned_at IS NULL AND d.paused_at IS NULL`;
/** Who holds a dossier: the assignees of its open steps. */
const DOSSIER_HOLDERS = (instanceId: string) => `(SELECT string_agg(DISTINCT t.assignee, ', ') FROM tasks t WHERE t.instance_id = ${instanceId} AND t.status = 'open')`;
/** The procedure of a step's process instance. */
const STEP_PROCEDURE = `(SELECT i.procedure_code FROM process_instances i WHERE i.id = t.instance_id)`;

/** Units and the overdue list; every query is limited to a list of unit codes. */
@Injectable()
export class ReportsRepository {
  constructor(private readonly db: DataSource) {}

  /** Name and field of the given procedures, by code. */
  procedures(codes: string[]): Promise<{ code: string; name: string; field: string }[]> {
    return this.db.query(`SELECT code, name, field FROM procedures WHERE code = ANY($1)`, [codes]);
  }

  /** Names of the given units, active or not (a past period may count a unit since closed). */
  unitNames(codes: string[]): Promise<{ code: string; name: string }[]> {
    return this.db.query(`SELECT code, name FROM units WHERE code = ANY($1)`, [codes]);
  }

  /** Code and name of the given units, by code. */
  units(codes: string[]): Promise<{ code: string; name: string }[]> {
    return this.db.query(`SELECT code, name FROM units WHERE code = ANY($1) AND active ORDER BY code`, [codes]);
  }

  /**
   * Open steps past due (or flagged overdue) in `units`, and unresolved dossiers past their
   * appointment, in the order asked, one page of them (`limit` null: all), with the counts of all.
   */
  async overdue(now: Date, units: string[], filter: OverdueFilter, page: OverduePage): Promise<{ records: OverdueRecord[]; total: number; steps: number }> {
    // `items` carries only what filters, counts and sorts; names and details are joined for the page alone.
    const rows: (OverdueRecord & { total: number; steps: number })[] = await withoutJit(this.db, (db) => db.query(
      `WITH items AS (
         SELECT 'step' AS kind, t.due_at AS "dueAt", t.unit_code AS "unitCode", t.id AS "taskId", t.instance_id AS "instanceId",
           NULL::text AS "dossierCode", t.assignee, ${page.sort === 'procedure' ? STEP_PROCEDURE : 'NULL::text'} AS "procedureCode"
         FROM tasks t
         WHERE t.status = 'open' AND t.due_at IS NOT NULL AND (t.due_at < $1 OR t.overdue_at IS NOT NULL) AND t.unit_code = ANY($2)
           AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM process_instances i WHERE i.id = t.instance_id AND i.procedure_code = $3))
           AND ($4::text IS NULL OR t.assignee = $4)
         UNION ALL
         -- A dossier waiting for a supplement is paused: its appointment moves on receipt, so it is not late.
         SELECT 'dossier', d.appointment_at, d.unit_code, NULL::uuid, d.instance_id, d.code,
           ${page.sort === 'assignee' ? DOSSIER_HOLDERS('d.instance_id') : 'NULL'}, d.procedure_code
         FROM dossiers d
         WHERE ${OPEN_DOSSIER} AND d.appointment_at < $1 AND d.unit_code = ANY($2)
           AND d.status NOT IN ('returned', 'rejected', 'withdrawn', 'result_ready', 'supplement_required')
           AND ($3::text IS NULL OR d.procedure_code = $3)
           AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM tasks t WHERE t.instance_id = d.instance_id AND t.status = 'open' AND t.assignee = $4))
       ),
       counts AS (SELECT count(*)::int AS total, (count(*) FILTER (WHERE kind = 'step'))::int AS steps FROM items),
       page AS (SELECT * FROM items ORDER BY ${orderBy(page.sort, 'items')} LIMIT $5 OFFSET $6)
       SELECT counts.total, counts.steps, page.kind, COALESCE(page."dossierCode", d.code) AS "dossierCode",
         COALESCE(page."procedureCode", i.procedure_code) AS "procedureCode", p.name AS "procedureName",
         page."unitCode", u.name AS "unitName", COALESCE(t.name, s.current_step) AS step, page."taskId"::text AS "taskId",
         CASE WHEN page.kind = 'step' THEN page.assignee ELSE COALESCE(page.assignee, ${DOSSIER_HOLDERS('page."instanceId"')}) END AS assignee,
         COALESCE(t.candidate_groups, '{}') AS "candidateGroups", page."dueAt"
       FROM counts
       LEFT JOIN page ON true
       LEFT JOIN tasks t ON t.id = page."taskId"
       LEFT JOIN process_instances i ON i.id = page."instanceId"
       LEFT JOIN dossiers d ON page.kind = 'step' AND d.instance_id = page."instanceId"
       LEFT JOIN dossier_status s ON s.code = page."dossierCode"
       LEFT JOIN procedures p ON p.code = COALESCE(page."procedureCode", i.procedure_code)
       LEFT JOIN units u ON u.code = page."unitCode"
       ORDER BY ${orderBy(page.sort, 'page')}`,
      [now, units, filter.procedure ?? null, filter.assignee ?? null, page.limit, page.offset],
    ));
    const records = rows.filter((row) => row.kind).map(({ total: _total, steps: _steps, ...record }) => record);
    return { records, total: rows[0]?.total ?? 0, steps: rows[0]?.steps ?? 0 };
  }
}
