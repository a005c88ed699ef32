/**
 * The steps of an instance as rows `(at, step, current)` — each task that was not cancelled and has a
 * name: when it was created, its name, whether it is open now. Published by libs/workflow (which owns
 * `tasks`) for the public timeline, so no other lib names the table (issue 17 item 4); `instanceId` is
 * an SQL expression (a column of the caller's query or a placeholder).
 */
export function instanceStepsSql(instanceId: string): string {
  return `SELECT t.created_at AS at, t.name AS step, t.status = 'open' AS current FROM tasks t
     WHERE t.instance_id = ${instanceId} AND t.status <> 'cancelled' AND t.name <> ''`;
}
