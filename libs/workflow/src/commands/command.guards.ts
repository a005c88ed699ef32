import { CLAIMABLE, heldBy, JOB_DONE_SET } from '../jobs/job-ownership';
import { AFTER_INSTANCE } from '../runtime/effect.writer';
import type { CommandGuard } from './workflow-command';

/**
 * The guards of the commands in `workflow.commands.ts`: each is the write that must still find
 * its row when the statement commits. Written once here; no service copies their SQL.
 */

/** The task is still open, on this instance (and, for the inbox, unassigned or the actor's), and is completed by the write. */
export function taskStillOpen(o: {
  taskId: string;
  instanceId: string;
  actor: string;
  unassignedOrMine: boolean;
  part?: string;
}): CommandGuard {
  return {
    checks: o.unassignedOrMine ? 'task open, unassigned or mine' : 'task open',
    write: (st, change) => {
      const [at, username] = [st.param(change.at, '::timestamptz'), st.param(o.actor, '::text')];
      // A task's unit and groups never change, so the check against the read (or the cache) stands; open and
      // unassigned-or-mine may have changed since, so they are guarded here.
      const mine = o.unassignedOrMine ? `AND (t.assignee IS NULL OR t.assignee = ${username})` : '';
      return st.add(
        `UPDATE tasks t SET status = 'completed', completed_at = ${at}, completed_by = ${username},
           assignee = COALESCE(t.assignee, ${username}), claimed_at = COALESCE(t.claimed_at, ${at})
         WHERE t.id = ${st.param(o.taskId, '::uuid')} AND t.instance_id = ${st.param(o.instanceId, '::uuid')} AND t.status = 'open'
           ${mine} AND ${AFTER_INSTANCE}
         RETURNING t.*`,
        o.part,
      );
    },
  };
}

/**
 * The job is still ours (claimed by `workerId`), or for a timer only read, still claimable (the
 * write claims it, ADR 0005); the write finishes it. With `incidentFails`, an incident the
 * command raised leaves the job `failed` with its message, so the incident's retry runs it again.
 */
export function jobStillOurs(o: {
  jobId: string;
  workerId: string | null;
  incidentFails?: boolean;
  part: string;
}): CommandGuard {
  return {
    checks: o.workerId === null ? 'job still claimable' : 'job still claimed by this worker',
    write: (st, change) => {
      const owner = () => (o.workerId === null ? CLAIMABLE : heldBy(st.param(o.workerId)));
      let set = JOB_DONE_SET;
      if (o.incidentFails) {
        const incident = change.effects.find((effect) => effect.type === 'incident');
        set = `status = ${st.param(incident ? 'failed' : 'done')}, last_error = ${st.param(incident?.message ?? null, '::text')},
          attempts = attempts + ${o.workerId === null ? 1 : 0}, locked_by = NULL, locked_until = NULL, updated_at = now()`;
      }
      const id = st.param(o.jobId, '::uuid');
      return st.add(
        `UPDATE jobs SET ${set} WHERE id = ${id} AND ${owner()} AND ${AFTER_INSTANCE} RETURNING id`,
        o.part,
      );
    },
  };
}
