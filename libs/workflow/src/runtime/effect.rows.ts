import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { ProcessInstanceStatus } from '../views/instance.view';
import { WORKFLOW_CONFIG, type WorkflowConfig } from '../workflow.config';
import { DEADLINE_OVERDUE, DEADLINE_WARNING, deadlineJobId, deadlineJobIds } from '../deadlines/deadline-job.ids';
import { planWarning } from '../deadlines/deadline-warning.planner';
import type { WorkingTime } from '../../../calendar/src';
import { WORKING_TIME } from '../workflow.tokens';
import { stepDueAt, WALL_CLOCK_TIME } from './deadline.calculator';
import type { UserTaskSpec } from './engine.port';
import type { CommandWrite } from './effect.writer';
import type { HistoryRow } from './history.row';
import { UnitResolver } from './unit.resolver';

export interface TaskInsert {
  id: string;
  element_id: string;
  name: string;
  unit_code: string;
  candidate_groups: string[];
  assignee: string | null;
  due_at: string | null;
  spec: UserTaskSpec;
}

export interface JobInsert {
  id: string;
  kind: string;
  element_id: string;
  topic: string | null;
  due_at: string;
  max_attempts: number;
  /** Deadline jobs: the task they watch. */
  task_id?: string;
}

/** A command's effects as rows to write. */
export interface CommandRows {
  tasks: TaskInsert[];
  jobs: JobInsert[];
  cancelledTasks: string[];
  cancelledJobs: string[];
  /** Tasks this command completed or cancelled. */
  closedTasks: string[];
  /** Deadline jobs of the tasks this command completed or cancelled (their ids derive from the task ids). */
  closedTaskDeadlines: string[];
  incidents: { element_id: string; code: string; message: string }[];
  history: HistoryRow[];
  ended: boolean;
  /** The instance status after the command. */
  status: ProcessInstanceStatus;
}

/**
 * Effects → rows: each new task gets its unit (through the unit directory) and its due time
 * (through the working-time port); jobs get their attempt budget; the status is derived.
 */
@Injectable()
export class EffectRows {
  private readonly logger = new Logger('Deadlines');

  constructor(
    private readonly units: UnitResolver,
    @Inject(WORKFLOW_CONFIG) private readonly config: WorkflowConfig,
    /** From a global module (the working-day calendar) when one provides it; wall-clock otherwise. */
    @Optional() @Inject(WORKING_TIME) private readonly workingTime: WorkingTime = WALL_CLOCK_TIME,
  ) {}

  async collect(input: CommandWrite): Promise<CommandRows> {
    const { instance, result, now } = input;
    const tasks: TaskInsert[] = [];
    const jobs: JobInsert[] = [];
    const cancelledTasks: string[] = [];
    const cancelledJobs: string[] = [];
    const incidents: { element_id: string; code: string; message: string }[] = [];
    const history: HistoryRow[] = [...(input.history ?? [])];
    const closedTasks: string[] = [];
    let ended = false;

    for (const effect of result.effects) {
      switch (effect.type) {
        case 'task.created': {
          const unitCode = await this.units.resolve(effect.task.spec.unit, instance.unitCode);
          const dueAt = this.taskDueAt(now, effect.task.spec, unitCode);
          tasks.push({
            id: effect.task.id,
            element_id: effect.task.elementId,
            name: effect.task.name ?? '',
            unit_code: unitCode,
            candidate_groups: effect.task.spec.candidateGroups ?? [],
            assignee: literalAssignee(effect.task.spec.assignee),
            due_at: dueAt?.toISOString() ?? null,
            spec: effect.task.spec,
          });
          if (dueAt) jobs.push(...this.deadlineJobs(effect.task.id, effect.task.elementId, now, dueAt, unitCode));
          break;
        }
        case 'task.cancelled':
          cancelledTasks.push(effect.taskId);
          closedTasks.push(effect.taskId);
          break;
        case 'job.scheduled':
          jobs.push({
            id: effect.job.id,
            kind: effect.job.kind,
            element_id: effect.job.elementId,
            topic: effect.job.topic ?? null,
            due_at: effect.job.dueAt,
            max_attempts: Math.max(1, effect.job.retries ?? this.config.jobMaxAttempts),
          });
          break;
        case 'job.cancelled':
          cancelledJobs.push(effect.jobId);
          break;
        case 'history':
          if (effect.record.type === 'task.completed' && effect.record.taskId) closedTasks.push(effect.record.taskId);
          history.push({
            type: effect.record.type,
            element_id: effect.record.elementId,
            task_id: effect.record.taskId,
            data: effect.record.data,
          });
          break;
        case 'incident':
          incidents.push({ element_id: effect.elementId, code: effect.code, message: effect.message });
          break;
        case 'instance.completed':
        case 'instance.terminated':
          ended = true;
          break;
      }
    }

    const closedTaskDeadlines = deadlineJobIds(closedTasks.filter((id) => !tasks.some((task) => task.id === id)));
    return {
      tasks,
      jobs,
      cancelledTasks,
      cancelledJobs,
      closedTasks,
      closedTaskDeadlines,
      incidents,
      history,
      ended,
      status: this.status(input, incidents.length > 0, cancelledJobs),
    };
  }

  /** Engine status, except that a running instance with an open incident shows `incident`. */
  private status(input: CommandWrite, newIncident: boolean, cancelledJobs: string[]): ProcessInstanceStatus {
    const engineStatus = input.result.state.status;
    if (engineStatus !== 'running') return engineStatus;
    if (newIncident) return 'incident';
    const stillOpen = input.instance.openIncidentJobs.filter((jobId) => !cancelledJobs.includes(jobId));
    return input.instance.status === 'incident' && stillOpen.length > 0 ? 'incident' : 'running';
  }

  /**
   * A step with a due time gets two jobs, written with the task in the same statement: the
   * assignee's warning before it is due (see `planWarning`) and the overdue flag at due time.
   */
  private deadlineJobs(taskId: string, elementId: string, now: Date, dueAt: Date, unitCode: string): JobInsert[] {
    const job = (kind: typeof DEADLINE_WARNING | typeof DEADLINE_OVERDUE, at: Date): JobInsert => ({
      id: deadlineJobId(taskId, kind),
      kind,
      element_id: elementId,
      topic: null,
      due_at: at.toISOString(),
      max_attempts: this.config.jobMaxAttempts,
      task_id: taskId,
    });
    const policy = { fraction: this.config.deadlineWarningFraction, minLeadMs: this.config.deadlineWarningMinMs };
    const warnAt = planWarning(now, dueAt, unitCode, policy, this.workingTime);
    return warnAt ? [job(DEADLINE_WARNING, warnAt), job(DEADLINE_OVERDUE, dueAt)] : [job(DEADLINE_OVERDUE, dueAt)];
  }

  /** `mc:duration` through the working-time port; else an absolute `dueDate` as drawn. */
  private taskDueAt(now: Date, spec: UserTaskSpec, unitCode: string): Date | null {
    const fromDuration = this.dueAt(now, spec.duration, unitCode);
    if (fromDuration) return fromDuration;
    if (spec.dueDate && /^\d{4}-\d{2}-\d{2}/.test(spec.dueDate)) {
      const date = new Date(spec.dueDate);
      if (!Number.isNaN(date.getTime())) return date;
    }
    if (spec.dueDate?.startsWith('P')) return this.dueAt(now, spec.dueDate, unitCode);
    return null;
  }

  private dueAt(now: Date, duration: string | undefined, unitCode: string): Date | null {
    return stepDueAt(this.workingTime, now, duration, unitCode, (message) => this.logger.warn(message));
  }
}

/** A drawn assignee that is a plain username (`camunda:assignee="reception"`); expressions are not evaluated here. */
function literalAssignee(assignee: string | undefined): string | null {
  return assignee && /^[a-z0-9][a-z0-9._-]*$/.test(assignee) ? assignee : null;
}
