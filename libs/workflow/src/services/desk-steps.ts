import { AppError } from '../../../common/src';
import { deadlineJobIds } from '../deadlines/deadline-job.ids';
import type { CommandTx } from '../persistence/command.tx';
import type { InstancesRepository } from '../persistence/instances.repository';
import type { CommandExecutor } from '../runtime/command.executor';
import { WorkflowCommands } from '../commands/workflow.commands';

/** The newest open step of instance $1 drawn as desk action $2. */
const NEWEST_OPEN_STEP = `SELECT id FROM tasks WHERE instance_id = $1 AND status = 'open' AND spec->>'action' = $2 ORDER BY created_at DESC, id LIMIT 1`;

/**
 * Steps drawn as a one-stop desk action (`mc:action`, ADR 0012), driven from the desk action's own
 * transaction: the inbox refuses them (`TaskAccess.completionRefusal`), these are the only way on.
 */
export class DeskSteps {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly instances: InstancesRepository,
  ) {}

  /**
   * Completes the newest open step of the instance drawn as `action`, in `tx`; undefined when the
   * dossier waits at no such step (the desk's buttons also work off the diagram). The desk's own
   * authority stands for the inbox's rule: whoever claimed the step, the desk action completes it.
   */
  async complete(
    tx: CommandTx,
    instanceId: string,
    action: string,
    actor: { username: string },
    variables: Record<string, unknown> = {},
  ): Promise<{ taskId: string } | undefined> {
    const [open] = await tx.rows<{ id: string }>(NEWEST_OPEN_STEP, [instanceId, action]);
    if (!open) return undefined;
    await this.executor.execute(
      actor.username,
      async (sql) => {
        const loaded = await this.instances.loadWithTask(sql, open.id);
        if (!loaded || loaded.task.status !== 'open')
          throw AppError.conflict('TASK_NOT_OPEN', `Task ${open.id} is ${loaded?.task.status ?? 'gone'}`);
        return {
          instance: loaded.instance,
          command: WorkflowCommands.completeDeskStep({ taskId: open.id, instanceId, actor: actor.username, variables }),
        };
      },
      { tx },
    );
    return { taskId: open.id };
  }

  /**
   * The desk asked the citizen for documents at a supplement step: from now on the step waits for
   * the citizen, whose time does not count (NĐ 61/2018 Art. 19), so its deadline stops — no
   * warning, no overdue flag, no notice to the head. Locks in the commands' order (instance, task,
   * jobs). Returns the held step's id, or undefined when the dossier waits at no such step.
   */
  async hold(tx: CommandTx, instanceId: string, action: string): Promise<string | undefined> {
    await tx.rows(`SELECT id FROM process_instances WHERE id = $1 FOR NO KEY UPDATE`, [instanceId]);
    const [held] = await tx.rows<{ id: string }>(
      `UPDATE tasks SET due_at = NULL WHERE id = (${NEWEST_OPEN_STEP} FOR UPDATE) RETURNING id`,
      [instanceId, action],
    );
    if (!held) return undefined;
    const jobIds = deadlineJobIds([held.id]);
    await tx.rows(
      `UPDATE jobs SET status = 'cancelled', updated_at = $2 WHERE id = ANY($1::uuid[]) AND status = 'pending'`,
      [jobIds, this.executor.now()],
    );
    tx.toDequeue.push(...jobIds);
    return held.id;
  }
}
