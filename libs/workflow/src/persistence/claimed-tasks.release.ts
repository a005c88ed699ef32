import { Inject, Injectable, type OnModuleInit, Optional } from '@nestjs/common';
import { type AccountLeft, CLAIMED_WORK, type ClaimedWorkReleases, type TransactionQueries } from '../../../common/src';

/**
 * Puts a departing account's claimed open tasks back in their group's pool, with a `task.released`
 * history row each, in the account change's transaction (libs/identity runs it through `CLAIMED_WORK`):
 * the tables are workflow's, so the statement is too (issue 17 item 4).
 */
@Injectable()
export class ClaimedTasksRelease implements OnModuleInit {
  constructor(@Optional() @Inject(CLAIMED_WORK) private readonly claimedWork?: ClaimedWorkReleases) {}

  onModuleInit(): void {
    this.claimedWork?.register((tx, left) => releaseClaimedTasks(tx, left));
  }
}

/** The released task ids, in id order. */
export async function releaseClaimedTasks(
  tx: TransactionQueries,
  { username, actor, reason, now }: AccountLeft,
): Promise<string[]> {
  const rows: { id: string }[] = await tx.query(
    `WITH released AS (
       UPDATE tasks SET assignee = NULL, claimed_at = NULL WHERE assignee = $1 AND status = 'open'
       RETURNING id, instance_id, element_id
     ), history AS (
       INSERT INTO history_events (instance_id, at, type, element_id, task_id, actor, data)
       SELECT instance_id, $2, 'task.released', element_id, id, $3,
              jsonb_build_object('from', $1::text, 'reason', $4::text) FROM released
     )
     SELECT id FROM released ORDER BY id`,
    [username, now, actor, reason],
  );
  return rows.map((row) => row.id);
}
