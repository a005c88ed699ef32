import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { AppError, AUDIT_LOG, type AuditLog, type AuthUser } from '../../../common/src';
import { InstancesRepository, type InstanceRow } from '../persistence/instances.repository';
import { TasksRepository, type InboxQuery } from '../persistence/tasks.repository';
import { isUuid } from '../persistence/uuid';
import { CommandExecutor, type PreparedCommand } from '../runtime/command.executor';
import { WorkflowCommands, type OpinionWrite } from '../commands/workflow.commands';
import type { InstanceChange } from '../runtime/instance-change';
import { toTaskView, type TaskRow, type TaskView } from '../views/task.view';
import { DelegateTargetFinder, type AssignableOfficer } from './delegate-target.finder';
import { TaskAccess } from './task.access';
import { OwnershipService } from '../ownership/ownership.service';
import { CompletionOpinionService } from '../opinions/completion-opinion.service';
import { OpinionsRepository, type OpinionDraft } from '../opinions/opinions.repository';
import type { OpinionView } from '../opinions/opinion.view';
import { inboxEvent, type InboxEventKind } from '../inbox-events/inbox-event';
import { InboxEventsBus } from '../inbox-events/inbox-events.bus';

/** What a bulk action did: the steps done, and each refused one with its code. */
export interface BulkOutcome {
  done: TaskView[];
  refused: { taskId: string; code: string }[];
}

/** The task facade (Camunda's TaskService): inbox, claim, unclaim, delegate, complete. */
@Injectable()
export class TaskService {
  private readonly logger = new Logger(TaskService.name);

  constructor(
    private readonly tasks: TasksRepository,
    private readonly instances: InstancesRepository,
    private readonly executor: CommandExecutor,
    private readonly targets: DelegateTargetFinder,
    private readonly ownership: OwnershipService,
    private readonly opinionDrafts: CompletionOpinionService,
    private readonly opinionRows: OpinionsRepository,
    private readonly inboxEvents: InboxEventsBus,
    @Optional() @Inject(AUDIT_LOG) private readonly audit?: AuditLog,
  ) {}

  /** Open tasks of the user's unit whose groups the user's roles satisfy, by due time. */
  async inbox(user: AuthUser, query: InboxQuery): Promise<{ items: TaskView[]; total: number; totalCapped?: boolean }> {
    if (query.scope === 'unit' && !user.roles.includes('head')) {
      throw AppError.forbidden('FORBIDDEN_ROLE', 'Only the head of the unit sees all its steps');
    }
    const now = this.executor.now();
    const { rows, total, totalCapped } = await this.tasks.inbox(user, query, now);
    return { items: rows.map((row) => toTaskView(row, now)), total, ...(totalCapped ? { totalCapped } : {}) };
  }

  async get(user: AuthUser, id: string): Promise<TaskView> {
    const task = isUuid(id) ? await this.tasks.find(id) : undefined;
    if (!task) throw TaskAccess.notFound(id);
    const reach = user.roles.includes('admin') ? await this.ownership.reach(user) : undefined;
    if (!TaskAccess.canSee(user, task, (unit) => reach?.manages(unit) ?? false)) throw TaskAccess.notFound(id);
    return toTaskView(task, this.executor.now());
  }

  /** Atomic: of many concurrent claims exactly one wins; the others get 409 `TASK_ALREADY_CLAIMED`. */
  async claim(user: AuthUser, id: string): Promise<TaskView> {
    if (!isUuid(id)) throw TaskAccess.notFound(id);
    const now = this.executor.now();
    const claimed = await this.tasks.claim(id, user, now);
    if (claimed) return this.announce('claimed', toTaskView(claimed, now));
    const task = await this.tasks.find(id);
    if (task && task.status === 'open' && task.assignee === user.username && TaskAccess.isCandidate(user, task))
      return toTaskView(task, now);
    throw TaskAccess.refusal(id, task, user, 'claim');
  }

  /**
   * Bulk claim (issue 19 item 1): each step is claimed as `claim` would, one after the other; a step
   * that cannot be claimed is refused with the code `claim` would answer, and holds back no other.
   */
  async claimMany(user: AuthUser, ids: string[]): Promise<BulkOutcome> {
    return this.eachOf(ids, (id) => this.claim(user, id));
  }

  /** Bulk assign for the head of the unit: each step handed to `userId` as `delegate` would. */
  async delegateMany(user: AuthUser, ids: string[], userId: string): Promise<BulkOutcome> {
    return this.eachOf(ids, (id) => this.delegate(user, id, userId));
  }

  /**
   * The head's officer picker: the active officers of the head's own unit who may take at least one of
   * the chosen steps. Steps of another unit, closed or unknown count for nothing (a head of another unit
   * gets an empty list, as bulk-assign would refuse each step with TASK_NOT_FOUND).
   */
  async assignableOfficers(user: AuthUser, ids: string[]): Promise<{ steps: number; items: AssignableOfficer[] }> {
    const groups = await this.tasks.openGroupsOf([...new Set(ids)], user.unitCode);
    return { steps: groups.length, items: await this.targets.assignable(user.unitCode, groups) };
  }

  private async eachOf(ids: string[], act: (id: string) => Promise<TaskView>): Promise<BulkOutcome> {
    const outcome: BulkOutcome = { done: [], refused: [] };
    for (const id of [...new Set(ids)]) {
      try {
        outcome.done.push(await act(id));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        outcome.refused.push({ taskId: id, code: error.code });
      }
    }
    return outcome;
  }

  /** The assignee, or the head of the unit, puts the task back in the unit's pool. */
  async unclaim(user: AuthUser, id: string): Promise<TaskView> {
    if (!isUuid(id)) throw TaskAccess.notFound(id);
    const now = this.executor.now();
    const released = await this.tasks.unclaim(id, user, user.roles.includes('head'), now);
    if (released) return this.announce('unclaimed', toTaskView(released, now));
    throw TaskAccess.refusal(id, await this.tasks.find(id), user, 'unclaim');
  }

  /** The assignee, or the head of the unit, hands the task to another officer of the unit whose roles fit. */
  async delegate(user: AuthUser, id: string, userId: string): Promise<TaskView> {
    if (!isUuid(id)) throw TaskAccess.notFound(id);
    const task = await this.tasks.find(id);
    if (!task || !(TaskAccess.isCandidate(user, task) || TaskAccess.isHeadOf(user, task)))
      throw TaskAccess.notFound(id);
    const target = await this.targets.find(task.unit_code, task.candidate_groups, userId);
    if (!target) {
      throw AppError.badRequest(
        'DELEGATE_TARGET_INVALID',
        `User ${userId} is not an officer of ${task.unit_code} who may take this task`,
      );
    }
    const now = this.executor.now();
    const assigned = await this.tasks.assign(id, user, TaskAccess.isHeadOf(user, task), target.username, now);
    if (assigned) return this.announce('assigned', toTaskView(assigned, now));
    throw TaskAccess.refusal(id, await this.tasks.find(id), user, 'delegate');
  }

  /**
   * Completes the task and moves the instance in one atomic write, guarded by the instance
   * revision read and by the task still being open and unassigned-or-mine. Of two simultaneous completions one wins; the other re-reads, finds the
   * task closed and gets 409, and the instance has moved once. A task this process opened is
   * checked against the instance cache first (no read); any doubt falls back to the read.
   * The officer's opinion and attachments (issue 16) are checked against the step's form and
   * written in the same statement; the opinion is also the `note` variable unless one is given.
   */
  async complete(
    user: AuthUser,
    id: string,
    variables: Record<string, unknown> = {},
    extra: { opinion?: string; attachments?: string[] } = {},
  ): Promise<TaskView> {
    if (!isUuid(id)) throw TaskAccess.notFound(id);
    const change = await this.executor.execute(
      user.username,
      async (sql, attempt) => {
        const cached = attempt === 1 && !sql.inTransaction ? this.executor.cache.task(id) : undefined;
        if (cached && TaskAccess.mayComplete(user, cached.task)) {
          const draft = await this.opinionDrafts.draft(
            user,
            { id, form: cached.task.form },
            cached.instance.businessKey,
            { variables, ...extra },
          );
          return this.completion(user, id, withNote(variables, draft), cached.instance, draft);
        }
        const loaded = await this.instances.loadWithTask(sql, id);
        const refusal = TaskAccess.completionRefusal(id, loaded?.task, user);
        if (refusal || !loaded) throw refusal ?? TaskAccess.notFound(id);
        const draft = await this.opinionDrafts.draft(
          user,
          { id, form: loaded.task.spec?.form },
          loaded.instance.businessKey,
          { variables, ...extra },
        );
        return this.completion(user, id, withNote(variables, draft), loaded.instance, draft);
      },
      { answer: completedView },
    );
    const done = completedView(change);
    await this.recordDecision(user, done, variables);
    return this.announce('completed', done);
  }

  /**
   * After commit: a completion that chose an outcome (`outcome`, the completion form's decision) is a
   * step decision, kept in the audit log (issue 19 item 6) with who, which step and what. Its opinion
   * stays in task_opinions (ADR 0010); a failed audit write never undoes the committed decision.
   */
  private async recordDecision(user: AuthUser, task: TaskView, variables: Record<string, unknown>): Promise<void> {
    if (!this.audit || typeof variables.outcome !== 'string' || variables.outcome === '') return;
    const subject = task.businessKey ? `dossier:${task.businessKey}` : `instance:${task.instanceId}`;
    const data = {
      taskId: task.id,
      elementId: task.elementId,
      step: task.name,
      outcome: variables.outcome,
      instanceId: task.instanceId,
    };
    await this.audit
      .record({ actor: user.username, action: 'task.decided', subject, data })
      .catch((error: unknown) =>
        this.logger.warn(`audit of decision on task ${task.id} not written: ${String(error)}`),
      );
  }

  /** The opinions of the task's dossier, newest first (the completion dialog shows them); 404 as `get`. */
  async opinions(user: AuthUser, id: string): Promise<{ items: OpinionView[]; total: number }> {
    const task = await this.get(user, id);
    const items = task.businessKey
      ? await this.opinionRows.forBusinessKey(task.businessKey, this.executor.sql)
      : await this.opinionRows.forInstance(task.instanceId, this.executor.sql);
    return { items, total: items.length };
  }

  /** After commit: the step changed for everyone whose inbox shows it (ADR 0022). */
  private announce(kind: InboxEventKind, task: TaskView): TaskView {
    this.inboxEvents.publish([inboxEvent(kind, task)]);
    return task;
  }

  private completion(
    user: AuthUser,
    id: string,
    variables: Record<string, unknown>,
    instance: InstanceRow,
    draft: OpinionDraft | null,
  ): PreparedCommand {
    const opinion = draft ? { draft, write: this.writeOpinion(instance.businessKey) } : undefined;
    return {
      instance,
      command: WorkflowCommands.completeTask({
        taskId: id,
        instanceId: instance.id,
        actor: user.username,
        variables,
        opinion,
      }),
    };
  }

  private writeOpinion(businessKey: string | null): OpinionWrite {
    return (st, completion, draft, at) => void this.opinionRows.addInsert(st, completion, businessKey, draft, at);
  }
}

/** The opinion is also the process variable `note`, which the shipped diagrams and Form 03 read, unless the completion sets `note` itself. */
function withNote(variables: Record<string, unknown>, draft: OpinionDraft | null): Record<string, unknown> {
  return draft?.text && variables.note === undefined ? { ...variables, note: draft.text } : variables;
}

/** The completed task as the completion's statement returned it (also the answer a keyed retry gets). */
function completedView(change: InstanceChange): TaskView {
  const row = change.returned as unknown as Omit<TaskRow, 'business_key' | 'definition_key' | 'procedure_code'>;
  return toTaskView(
    {
      ...row,
      business_key: change.businessKey,
      definition_key: change.definitionKey,
      procedure_code: change.procedureCode,
    },
    change.at,
  );
}
