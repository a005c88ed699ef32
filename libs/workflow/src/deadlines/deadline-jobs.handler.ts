import { Inject, Injectable, Optional, type OnModuleInit } from '@nestjs/common';
import { UNIT_DIRECTORY, type UnitDirectory } from '../../../common/src';
import { JobKindRegistry } from '../jobs/job-kind.registry';
import type { ClaimedJob, JobOutcome } from '../jobs/job.row';
import { finishJob } from '../jobs/job-ownership';
import { NotificationService } from '../notifications/notification.service';
import type { CommandTx } from '../persistence/command.tx';
import { CommandExecutor } from '../runtime/command.executor';
import { DEADLINE_OVERDUE, DEADLINE_WARNING } from './deadline-job.ids';
import { overdueMessage, warningMessage, type DeadlineTask } from './deadline-messages';

/**
 * Runs a step's deadline jobs (DESIGN §4): the warning to the assignee (or, while nobody has
 * claimed the step, to the officers of its groups), and at due time the overdue flag on the task
 * with a notice to the heads of its unit. Each run locks the task, then finishes the job and
 * writes its effect in one transaction; a job whose task is no longer open just finishes.
 */
@Injectable()
export class DeadlineJobsHandler implements OnModuleInit {
  constructor(
    private readonly kinds: JobKindRegistry,
    private readonly executor: CommandExecutor,
    private readonly notifications: NotificationService,
    @Optional() @Inject(UNIT_DIRECTORY) private readonly directory?: UnitDirectory,
  ) {}

  onModuleInit(): void {
    this.kinds.register(DEADLINE_WARNING, (job, workerId) => this.warn(job, workerId));
    this.kinds.register(DEADLINE_OVERDUE, (job, workerId) => this.overdue(job, workerId));
  }

  private async warn(job: ClaimedJob, workerId: string): Promise<JobOutcome> {
    const task = await this.openTask(job);
    const recipients = !task ? [] : task.assignee ? [task.assignee] : await this.officersOf(task);
    return this.finish(job, workerId, async (tx, locked) => {
      if (!locked) return;
      const { title, body } = warningMessage(locked);
      const to = locked.assignee ? [locked.assignee] : recipients;
      await this.notifications.send(
        tx,
        to.map((recipient) => this.notice(job, locked, recipient, title, body)),
      );
    });
  }

  private async overdue(job: ClaimedJob, workerId: string): Promise<JobOutcome> {
    const task = await this.openTask(job);
    const heads =
      task && this.directory ? (await this.directory.usersWithRole(task.unit_code, 'head')).map((u) => u.username) : [];
    return this.finish(job, workerId, async (tx, locked) => {
      if (!locked) return;
      const now = this.executor.now();
      await tx.rows(
        `WITH t AS (UPDATE tasks SET overdue_at = $2 WHERE id = $1 AND status = 'open' AND overdue_at IS NULL RETURNING id, instance_id, element_id)
         INSERT INTO history_events (instance_id, at, type, element_id, task_id, actor, data)
         SELECT t.instance_id, $2, 'task.overdue', t.element_id, t.id, NULL, jsonb_build_object('dueAt', $3::timestamptz, 'notified', $4::text[]) FROM t`,
        [locked.id, now, locked.due_at, heads],
      );
      const { title, body } = overdueMessage(locked);
      await this.notifications.send(
        tx,
        [...new Set(heads)].map((recipient) => this.notice(job, locked, recipient, title, body)),
      );
    });
  }

  /**
   * Locks the instance, then the task, then the job row — the order every command locks them in
   * (instance → tasks → jobs), so a deadline firing while an officer completes the step cannot
   * deadlock with it — finishes the job if it is still ours, and runs `effect` with the task when
   * it is still open.
   */
  private finish(
    job: ClaimedJob,
    workerId: string,
    effect: (tx: CommandTx, task: DeadlineTask | undefined) => Promise<void>,
  ): Promise<JobOutcome> {
    return this.executor.transaction(async (tx) => {
      await tx.rows(
        `SELECT i.id FROM tasks t JOIN process_instances i ON i.id = t.instance_id WHERE t.id = $1 FOR NO KEY UPDATE OF i`,
        [job.task_id],
      );
      const [task] = await tx.rows<DeadlineTask>(
        `SELECT t.id, t.instance_id, t.element_id, t.name, t.unit_code, t.candidate_groups, t.assignee, t.due_at, t.status, i.business_key
         FROM tasks t JOIN process_instances i ON i.id = t.instance_id WHERE t.id = $1 FOR UPDATE OF t`,
        [job.task_id],
      );
      if (!(await finishJob(tx, job.id, workerId))) return { kind: 'skipped' } as const;
      await effect(tx, task && (task as DeadlineTask & { status: string }).status === 'open' ? task : undefined);
      return { kind: 'done' } as const;
    });
  }

  /** The task as it is now, if still open (read outside the transaction, to look up recipients). */
  private async openTask(job: ClaimedJob): Promise<DeadlineTask | undefined> {
    if (!job.task_id) return undefined;
    const [task] = await this.executor.sql.rows<DeadlineTask>(
      `SELECT t.id, t.instance_id, t.element_id, t.name, t.unit_code, t.candidate_groups, t.assignee, t.due_at, i.business_key
       FROM tasks t JOIN process_instances i ON i.id = t.instance_id WHERE t.id = $1 AND t.status = 'open'`,
      [job.task_id],
    );
    return task;
  }

  /** Officers of the task's unit holding one of its groups (a group `specialist:land` is held by that role). */
  private async officersOf(task: DeadlineTask): Promise<string[]> {
    if (!this.directory) return [];
    const groups = task.candidate_groups.length ? task.candidate_groups : [];
    const found = await Promise.all(groups.map((group) => this.directory!.usersWithRole(task.unit_code, group)));
    return [...new Set(found.flat().map((user) => user.username))];
  }

  private notice(job: ClaimedJob, task: DeadlineTask, recipient: string, title: string, body: string) {
    return {
      recipient,
      kind: job.kind,
      jobId: job.id,
      taskId: task.id,
      instanceId: task.instance_id,
      businessKey: task.business_key,
      title,
      body,
    };
  }
}
