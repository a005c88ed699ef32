import type { EntityManager } from 'typeorm';

/** The completed steps of one element in one unit over a period, as the heatmap reads them. */
export interface CompletedStepGroup {
  elementId: string;
  /** The step's name as the tasks carry it (the latest spelling when renamed between versions). */
  name: string;
  unitCode: string;
  completed: number;
  /** Completed after their due time (`completed_at > due_at`); steps without a due time are never late. */
  overdue: number;
  /** Per step, in the same order: created and completed, as epoch milliseconds. */
  createdMs: number[];
  completedMs: number[];
}

/** What `completedStepsOf` reads: one procedure's steps completed in [start, end) by `unitCodes`. */
export interface CompletedStepsFilter {
  procedureCode: string;
  start: Date;
  end: Date;
  unitCodes: readonly string[];
}

/**
 * The steps of a procedure's instances completed within a period, grouped by BPMN element and unit
 * (the unit's calendar counts their working time). Published by libs/workflow, which owns `tasks` and
 * `process_instances`, so the reports read history without naming them (issue 17 item 4). The
 * instances are found by procedure and lifetime (`process_instances_procedure_started_idx`): an
 * instance that ended before the period or started after it holds no step completed within it.
 */
export function completedStepsOf(db: EntityManager, filter: CompletedStepsFilter): Promise<CompletedStepGroup[]> {
  return db.query(
    `SELECT t.element_id AS "elementId", max(t.name) AS name, t.unit_code AS "unitCode", count(*)::int AS completed,
       (count(*) FILTER (WHERE t.completed_at > t.due_at))::int AS overdue,
       array_agg((extract(epoch FROM t.created_at) * 1000)::float8) AS "createdMs",
       array_agg((extract(epoch FROM t.completed_at) * 1000)::float8) AS "completedMs"
     FROM process_instances i
     JOIN tasks t ON t.instance_id = i.id
     WHERE i.procedure_code = $1 AND i.started_at < $3 AND (i.ended_at IS NULL OR i.ended_at >= $2)
       AND t.status = 'completed' AND t.completed_at >= $2 AND t.completed_at < $3 AND t.unit_code = ANY($4)
     GROUP BY t.element_id, t.unit_code`,
    [filter.procedureCode, filter.start, filter.end, filter.unitCodes],
  );
}

/** The latest deployed diagram of a process key: its XML and version, or null when none is deployed. */
export async function latestDiagramOf(
  db: EntityManager,
  processKey: string,
): Promise<{ xml: string; version: number } | null> {
  const rows: { xml: string; version: number }[] = await db.query(
    `SELECT xml, version FROM process_definitions WHERE key = $1 ORDER BY version DESC LIMIT 1`,
    [processKey],
  );
  return rows[0] ?? null;
}
