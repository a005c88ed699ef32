import type { Pool, PoolClient } from 'pg';
import type { CompletionRecord } from './load.driver';

/** Totals of what the run produced (printed beside the violations). */
export interface ChaosTotals {
  instances: number;
  dossiers: number;
  completedTasks: number;
  timersFired: number;
  historyRows: number;
}

/**
 * Each check counts the rows that break one invariant of DESIGN §3/§5 for the instances of
 * `definitionKey`: all must be 0. State, tasks, jobs, history and the dossier projection agree,
 * every step and timer happened exactly once, and every accepted request took effect once.
 */
const CHECKS: Record<string, string> = {
  instancesNotCompleted: `SELECT count(*) FROM ci WHERE status <> 'completed' OR ended_at IS NULL`,
  stateDisagreesWithRow: `SELECT count(*) FROM ci WHERE state->>'status' IS DISTINCT FROM status`,
  stepsNotExactlyTwo: `SELECT count(*) FROM ci WHERE (SELECT count(*) FROM tasks t WHERE t.instance_id = ci.id AND t.status = 'completed') <> 2
                         OR EXISTS (SELECT 1 FROM tasks t WHERE t.instance_id = ci.id AND t.status <> 'completed')`,
  stepDoneTwice: `SELECT count(*) FROM (SELECT t.instance_id, t.element_id FROM tasks t JOIN ci ON ci.id = t.instance_id GROUP BY 1, 2 HAVING count(*) > 1) x`,
  taskHistoryNotOnce: `SELECT count(*) FROM tasks t JOIN ci ON ci.id = t.instance_id
                         WHERE (SELECT count(*) FROM history_events h WHERE h.task_id = t.id AND h.type = 'task.completed' AND h.actor = t.completed_by) <> 1`,
  timerNotFiredOnce: `SELECT count(*) FROM ci WHERE (SELECT count(*) FROM history_events h WHERE h.instance_id = ci.id AND h.type = 'timer.fired') <> 1`,
  instanceHistoryNotOnce: `SELECT count(*) FROM ci WHERE (SELECT count(*) FROM history_events h WHERE h.instance_id = ci.id AND h.type IN ('instance.started', 'instance.completed')) <> 2`,
  timerJobNotDoneOnce: `SELECT count(*) FROM ci WHERE (SELECT count(*) FROM jobs j WHERE j.instance_id = ci.id AND j.kind = 'timer' AND j.status = 'done') <> 1`,
  jobsLeftOpen: `SELECT count(*) FROM jobs j JOIN ci ON ci.id = j.instance_id WHERE j.status IN ('pending', 'running', 'failed') AND j.kind <> 'appointment.reminder'`,
  incidents: `SELECT count(*) FROM incidents i JOIN ci ON ci.id = i.instance_id`,
  dossierNotReturned: `SELECT count(*) FROM ci LEFT JOIN dossiers d ON d.instance_id = ci.id WHERE d.status IS DISTINCT FROM 'returned' OR d.returned_at IS NULL`,
  projectionDisagrees: `SELECT count(*) FROM ci JOIN dossiers d ON d.instance_id = ci.id LEFT JOIN dossier_status s ON s.code = d.code
                          WHERE s.status IS DISTINCT FROM d.status OR s.status_label <> 'Đã trả kết quả' OR s.current_step IS NOT NULL`,
  smsNotOncePerChange: `SELECT count(*) FROM ci JOIN dossiers d ON d.instance_id = ci.id
                          WHERE (SELECT count(*) FROM sms_outbox o WHERE o.code = d.code AND o.kind = 'received') <> 1
                             OR (SELECT count(*) FROM sms_outbox o WHERE o.code = d.code AND o.kind = 'result_ready') <> 1`,
  // The inbox's kept counts (ADR 0006), folded or not, equal the open steps: whole tables (this cluster is the run's own).
  keptCountsDisagree: `SELECT count(*) FROM (
      SELECT 1 FROM (
        SELECT unit_code, candidate_groups, assignee, open, overdue FROM task_counts
        UNION ALL SELECT unit_code, candidate_groups, assignee, open, overdue FROM task_count_changes
        UNION ALL SELECT unit_code, candidate_groups, coalesce(assignee, ''), -1, -(overdue_at IS NOT NULL)::int FROM tasks WHERE status = 'open') k
      GROUP BY unit_code, candidate_groups, assignee HAVING sum(open) <> 0 OR sum(overdue) <> 0) x`,
  acceptedWithoutEffect: `SELECT count(*) FROM jsonb_to_recordset((SELECT accepted FROM args)) AS r(task_id uuid, username text)
                            LEFT JOIN tasks t ON t.id = r.task_id WHERE t.status IS DISTINCT FROM 'completed' OR t.completed_by IS DISTINCT FROM r.username`,
  earlierWithoutEffect: `SELECT count(*) FROM jsonb_to_recordset((SELECT earlier FROM args)) AS r(task_id uuid, username text)
                           LEFT JOIN tasks t ON t.id = r.task_id WHERE t.status IS DISTINCT FROM 'completed' OR t.completed_by IS DISTINCT FROM r.username`,
};

/** The names of the invariants, as keys of `violations`. */
export const INVARIANTS: readonly string[] = Object.keys(CHECKS);

/** Counts every violation (each should be 0) and the run's totals; `db` may be a client inside a transaction. */
export async function checkInvariants(
  db: Pool | PoolClient,
  definitionKey: string,
  records: CompletionRecord[],
): Promise<{ violations: Record<string, number>; totals: ChaosTotals }> {
  const pick = (outcome: CompletionRecord['outcome']) =>
    JSON.stringify(
      records.filter((r) => r.outcome === outcome).map((r) => ({ task_id: r.taskId, username: r.username })),
    );
  const params = [definitionKey, pick('accepted'), pick('earlier')];
  const withCi = (sql: string) => `WITH args AS (SELECT $2::jsonb AS accepted, $3::jsonb AS earlier),
    ci AS (SELECT * FROM process_instances WHERE definition_key = $1::text) ${sql}`;
  const violations: Record<string, number> = {};
  for (const [name, sql] of Object.entries(CHECKS)) {
    const { rows } = await db.query(
      withCi(sql.replace('SELECT count(*)', 'SELECT count(*)::int AS n')) + ` -- ${name}`,
      params,
    );
    violations[name] = rows[0].n;
  }
  const { rows } = await db.query(
    withCi(`SELECT
      (SELECT count(*)::int FROM ci) AS instances,
      (SELECT count(*)::int FROM dossiers d JOIN ci ON ci.id = d.instance_id) AS dossiers,
      (SELECT count(*)::int FROM tasks t JOIN ci ON ci.id = t.instance_id WHERE t.status = 'completed') AS "completedTasks",
      (SELECT count(*)::int FROM history_events h JOIN ci ON ci.id = h.instance_id WHERE h.type = 'timer.fired') AS "timersFired",
      (SELECT count(*)::int FROM history_events h JOIN ci ON ci.id = h.instance_id) AS "historyRows"`),
    params,
  );
  return { violations, totals: rows[0] };
}
