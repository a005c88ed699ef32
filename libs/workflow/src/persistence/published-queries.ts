/**
 * Queries libs/workflow publishes over its `tasks` and `process_instances` for the libs above it (issue 17
 * item 4): dossiers and files run them with their own connection or transaction, so no other lib names the
 * tables. Each is one statement with numbered placeholders, as its readers used to write it.
 */

/** A predicate: the instance `instanceId` (an SQL expression) has a step in unit `unit` (an SQL expression). */
export function instanceHasStepInUnitSql(instanceId: string, unit: string): string {
  return `EXISTS (SELECT 1 FROM tasks t WHERE t.instance_id = ${instanceId} AND t.unit_code = ${unit})`;
}

/** `status`: the `mc:status` of instance $1's newest open step (none when no step is open). */
export const OPEN_STEP_STATUS_SQL = `SELECT spec->>'status' AS status FROM tasks WHERE instance_id = $1 AND status = 'open' ORDER BY created_at DESC LIMIT 1`;

/** `taskId, instanceId, name, action`: instance $1's newest open step drawn as desk action $2 (`mc:action`). */
export const OPEN_DESK_STEP_SQL = `SELECT id AS "taskId", instance_id AS "instanceId", name, spec->>'action' AS action FROM tasks
       WHERE instance_id = $1 AND status = 'open' AND spec->>'action' = $2 ORDER BY created_at DESC, id LIMIT 1`;

/** Instance $1's steps, oldest first: `id, name, unitCode, assignee, createdAt, dueAt, completedAt, completedBy, status`. */
export const STEP_ROWS_SQL = `SELECT id, name, unit_code AS "unitCode", assignee, created_at AS "createdAt", due_at AS "dueAt", completed_at AS "completedAt",
         completed_by AS "completedBy", status
       FROM tasks WHERE instance_id = $1 ORDER BY created_at, id`;

/** `variables`: the process variables of instance $1. */
export const INSTANCE_VARIABLES_SQL = `SELECT variables FROM process_instances WHERE id = $1`;

/** `status`: the status of task $1 when it is a step of instance $2. */
export const TASK_STATUS_SQL = `SELECT status FROM tasks WHERE id = $1 AND instance_id = $2`;
