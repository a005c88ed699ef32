import type { InstanceChange } from '../runtime/instance-change';
import type { JobOutcome } from './job.row';
import type { InstanceRow, InstancesRepository } from '../persistence/instances.repository';
import type { Sql } from '../persistence/sql';
import { jobStillOurs } from './job-ownership';

/**
 * The instance a job's command applies to, for one attempt of `CommandExecutor.execute`: after a
 * lost race the job must still be ours (`workerId`; null: still claimable) and the instance is
 * read again; `claimRead` is what the claim read on the first attempt (ADR 0005). Undefined when
 * the job was cancelled or taken over, or the instance no longer runs: the result is dropped.
 */
export async function instanceForJob(
  sql: Sql,
  instances: InstancesRepository,
  job: { id: string; instance_id: string | null },
  attempt: number,
  workerId: string | null,
  claimRead?: InstanceRow | null,
): Promise<InstanceRow | undefined> {
  if (attempt > 1 && !(await jobStillOurs(sql, job.id, workerId))) return undefined;
  if (!job.instance_id) return undefined;
  const instance = attempt === 1 && claimRead !== undefined ? claimRead : await instances.load(sql, job.instance_id);
  if (!instance || (instance.status !== 'running' && instance.status !== 'incident')) return undefined;
  return instance;
}

/** A job command's outcome: an incident it raised, or done. */
export function outcomeOf(change: InstanceChange): JobOutcome {
  const incident = change.effects.find((effect) => effect.type === 'incident');
  return incident ? { kind: 'incident', code: incident.code } : { kind: 'done' };
}
