import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PROCEDURE_PROCESS_SQL } from '../../../dossiers/src';
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
export interface OverdueFilter {
  procedure?: string;
  assignee?: string;
}
export interface OverduePage {
  sort: OverdueSort;
  limit: number | null;
  offset: number;
}

/**
 * Orders of the overdue list, over the columns of `items` (below) under `alias`. Most late first is
 * the earliest due first: lateness is the working time since the due time, which grows as the due
 * time is earlier (exactly so within one calendar). Text is ordered by code points (`COLLATE "C"`),
 * whatever the database's collation; ties go to steps before dossiers, then by id.
 */
function orderBy(sort: OverdueSort, alias: string): string {
  const then = `${alias}."dueAt", ${alias}.kind DESC, ${alias}."dossierCode" COLLATE "C", ${alias}."taskId"`;
  switch (sort) {
    case 'unit':
      return `${alias}."unitCode" COLLATE "C", ${then}`;
    case 'procedure':
      return `${alias}."procedureCode" COLLATE "C" NULLS LAST, ${then}`;
    case 'assignee':
      return `${alias}.assignee COLLATE "C" NULLS LAST, ${then}`;
    default:
      return then;
  }
}

/**
 * The three disjoint parts of the overdue list, as conditions (aliases `t` over tasks, `d` over
 * dossiers; $1 = now, $2 = unit codes, $3 = procedure, $4 = assignee), each an index range so that
 * a province's list is neither read through an OR nor materialised:
 * - open steps past due (`tasks_unit_code_status_due_at_idx` counts them, `tasks_open_due_idx`
 *   reads them in due order);
 * - open steps flagged overdue before their due time (a flag set early, or forced): few, read
 *   whole (`tasks_overdue_flagged_idx`; in due order the planner would walk every step not yet due);
 * - dossiers past their appointment, unfinished and not waiting for a supplement (paused: the
 *   appointment moves on receipt, so not late) nor in a final status (`dossiers_overdue_idx`
 *   counts them by unit, `dossiers_overdue_due_idx` reads them in appointment order).
 */
const STEP_FILTERS = `($3::text IS NULL OR EXISTS (SELECT 1 FROM report_instances i WHERE i.id = t.instance_id AND i.procedure_code = $3))
           AND ($4::text IS NULL OR t.assignee = $4)`;
const STEPS_PAST_DUE = `t.status = 'open' AND t.due_at < $1 AND t.unit_code = ANY($2) AND ${STEP_FILTERS}`;
const STEPS_FLAGGED = `t.status = 'open' AND t.overdue_at IS NOT NULL AND t.due_at >= $1 AND t.unit_code = ANY($2) AND ${STEP_FILTERS}`;
const DOSSIERS_LATE = `d.resolved_at IS NULL AND d.returned_at IS NULL AND d.paused_at IS NULL
           AND d.status NOT IN ('returned', 'rejected', 'withdrawn', 'result_ready', 'supplement_required')
           AND d.appointment_at < $1 AND d.unit_code = ANY($2)
           AND ($3::text IS NULL OR d.procedure_code = $3)
           AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM report_steps t WHERE t.instance_id = d.instance_id AND t.status = 'open' AND t.assignee = $4))`;
/** Who holds a dossier: the assignees of its open steps. */
const DOSSIER_HOLDERS = (instanceId: string) =>
  `(SELECT string_agg(DISTINCT t.assignee, ', ') FROM report_steps t WHERE t.instance_id = ${instanceId} AND t.status = 'open')`;
/** The procedure of a step's process instance. */
const STEP_PROCEDURE = `(SELECT i.procedure_code FROM report_instances i WHERE i.id = t.instance_id)`;

/**
 * The rows of one part of the list in the page's order, at most the page's end (`$5 + $6`; all when
 * `limit` is null): the page is among the first `limit + offset` of some part, so a province's
 * default page reads ~50 index entries per part in due order instead of sorting 750,000.
 */
function firstOfPart(columns: string, from: string, where: string, sort: OverdueSort): string {
  return `(SELECT * FROM (SELECT ${columns} FROM ${from} WHERE ${where}) part ORDER BY ${orderBy(sort, 'part')} LIMIT $5::bigint + $6::bigint)`;
}

/** Units and the overdue list; every query is limited to a list of unit codes. */
@Injectable()
export class ReportsRepository {
  constructor(private readonly db: DataSource) {}

  /** Name and field of the given procedures, by code. */
  procedures(codes: string[]): Promise<{ code: string; name: string; field: string }[]> {
    return this.db.query(`SELECT code, name, field FROM report_procedures WHERE code = ANY($1)`, [codes]);
  }

  /** A procedure's name and the key of its process (the diagram of the heatmap); null when there is no such procedure. */
  async procedureProcess(code: string): Promise<{ code: string; name: string; processKey: string } | null> {
    const rows: { code: string; name: string; processKey: string }[] = await this.db.query(PROCEDURE_PROCESS_SQL, [
      code,
    ]);
    return rows[0] ?? null;
  }

  /** Names of the given units, active or not (a past period may count a unit since closed). */
  unitNames(codes: string[]): Promise<{ code: string; name: string }[]> {
    return this.db.query(`SELECT code, name FROM unit_names WHERE code = ANY($1)`, [codes]);
  }

  /** Code and name of the given units, by code. */
  units(codes: string[]): Promise<{ code: string; name: string }[]> {
    return this.db.query(`SELECT code, name FROM unit_names WHERE code = ANY($1) AND active ORDER BY code`, [codes]);
  }

  /**
   * Open steps past due (or flagged overdue) in `units`, and unresolved dossiers past their
   * appointment, in the order asked, one page of them (`limit` null: all), with the counts of all.
   */
  async overdue(
    now: Date,
    units: string[],
    filter: OverdueFilter,
    page: OverduePage,
  ): Promise<{ records: OverdueRecord[]; total: number; steps: number }> {
    // `items` carries only what filters, counts and sorts, at most the page's end of each part; names and details are joined for the page alone.
    const stepColumns = `'step' AS kind, t.due_at AS "dueAt", t.unit_code AS "unitCode", t.id AS "taskId", t.instance_id AS "instanceId",
      NULL::text AS "dossierCode", t.assignee, ${page.sort === 'procedure' ? STEP_PROCEDURE : 'NULL::text'} AS "procedureCode"`;
    const dossierColumns = `'dossier' AS kind, d.appointment_at AS "dueAt", d.unit_code AS "unitCode", NULL::uuid AS "taskId", d.instance_id AS "instanceId",
      d.code AS "dossierCode", ${page.sort === 'assignee' ? DOSSIER_HOLDERS('d.instance_id') : 'NULL::text'} AS assignee, d.procedure_code AS "procedureCode"`;
    const rows: (OverdueRecord & { total: number; steps: number })[] = await withoutJit(this.db, (db) =>
      db.query(
        `WITH items AS (
         ${firstOfPart(stepColumns, 'report_steps t', STEPS_PAST_DUE, page.sort)}
         UNION ALL (SELECT ${stepColumns} FROM report_steps t WHERE ${STEPS_FLAGGED})
         UNION ALL ${firstOfPart(dossierColumns, 'report_dossiers d', DOSSIERS_LATE, page.sort)}
       ),
       counts AS MATERIALIZED (SELECT (SELECT count(*) FROM report_steps t WHERE ${STEPS_PAST_DUE}) + (SELECT count(*) FROM report_steps t WHERE ${STEPS_FLAGGED}) AS steps,
         (SELECT count(*) FROM report_dossiers d WHERE ${DOSSIERS_LATE}) AS dossiers),
       page AS (SELECT * FROM items ORDER BY ${orderBy(page.sort, 'items')} LIMIT $5 OFFSET $6)
       SELECT (counts.steps + counts.dossiers)::int AS total, counts.steps::int AS steps, page.kind, COALESCE(page."dossierCode", d.code) AS "dossierCode",
         COALESCE(page."procedureCode", i.procedure_code) AS "procedureCode", p.name AS "procedureName",
         page."unitCode", u.name AS "unitName", COALESCE(t.name, s.current_step) AS step, page."taskId"::text AS "taskId",
         CASE WHEN page.kind = 'step' THEN page.assignee ELSE COALESCE(page.assignee, ${DOSSIER_HOLDERS('page."instanceId"')}) END AS assignee,
         COALESCE(t.candidate_groups, '{}') AS "candidateGroups", page."dueAt"
       FROM counts
       LEFT JOIN page ON true
       LEFT JOIN report_steps t ON t.id = page."taskId"
       LEFT JOIN report_instances i ON i.id = page."instanceId"
       LEFT JOIN report_dossiers d ON page.kind = 'step' AND d.instance_id = page."instanceId"
       LEFT JOIN report_dossier_steps s ON s.code = page."dossierCode"
       LEFT JOIN report_procedures p ON p.code = COALESCE(page."procedureCode", i.procedure_code)
       LEFT JOIN unit_names u ON u.code = page."unitCode"
       ORDER BY ${orderBy(page.sort, 'page')}`,
        [now, units, filter.procedure ?? null, filter.assignee ?? null, page.limit, page.offset],
      ),
    );
    const records = rows.filter((row) => row.kind).map(({ total: _total, steps: _steps, ...record }) => record);
    return { records, total: rows[0]?.total ?? 0, steps: rows[0]?.steps ?? 0 };
  }
}
