import type { Sql } from '../persistence/sql';

/** A job nobody holds: pending, or running under a lock that expired (its worker died). */
export const CLAIMABLE = `(status = 'pending' OR (status = 'running' AND locked_until < now()))`;

/** The job row is still held by the worker whose id is `workerId` (a placeholder such as `$2`). */
export function heldBy(workerId: string): string {
  return `status = 'running' AND locked_by = ${workerId}`;
}

/** The guard a kind handler's final write carries (`$2` = its worker id): the row is still ours. */
export const STILL_OURS = heldBy('$2');

/** What a finished job row keeps: done, lock released. */
export const JOB_DONE_SET = `status = 'done', locked_by = NULL, locked_until = NULL, updated_at = now()`;

/**
 * Marks a claimed job done if `workerId` still holds it; true when it did. Call it in the
 * transaction that writes the job's effect and write the effect only when it returns true, so a
 * redelivery or a takeover never repeats it (every `JobKindRegistry` handler finishes this way).
 */
export async function finishJob(sql: Sql, jobId: string, workerId: string): Promise<boolean> {
  const rows = await sql.rows(`UPDATE jobs SET ${JOB_DONE_SET} WHERE id = $1 AND ${STILL_OURS} RETURNING id`, [
    jobId,
    workerId,
  ]);
  return rows.length > 0;
}

/** After a lost race: is the job still held by `workerId` (or, with null, still claimable)? */
export async function jobStillOurs(sql: Sql, jobId: string, workerId: string | null): Promise<boolean> {
  const rows =
    workerId === null
      ? await sql.rows(`SELECT 1 FROM jobs WHERE id = $1 AND ${CLAIMABLE}`, [jobId])
      : await sql.rows(`SELECT 1 FROM jobs WHERE id = $1 AND ${STILL_OURS}`, [jobId, workerId]);
  return rows.length > 0;
}
