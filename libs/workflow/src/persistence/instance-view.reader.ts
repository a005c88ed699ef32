import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { HistoryView, IncidentView, InstanceView, JobView } from '../views/instance.view';
import type { OpinionView } from '../opinions/opinion.view';
import { toTaskView } from '../views/task.view';
import type { Sql } from './sql';
import { TasksRepository } from './tasks.repository';
import { OpinionsRepository } from '../opinions/opinions.repository';

export const INCIDENT_COLUMNS = `id, instance_id AS "instanceId", job_id AS "jobId", element_id AS "elementId", code, message, status,
  created_at AS "createdAt", resolved_at AS "resolvedAt", resolved_by AS "resolvedBy"`;

/** Reads an instance with everything that hangs off it (admin view; not a hot path). */
@Injectable()
export class InstanceViewReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tasks: TasksRepository,
    private readonly opinions: OpinionsRepository,
  ) {}

  /**
   * One REPEATABLE READ snapshot for all six reads, so a command committing in between cannot
   * show, say, the next task already open while its timer job still looks running.
   */
  async read(id: string, now: Date, tx?: Sql): Promise<InstanceView | null> {
    // Inside a command's transaction (its answer is recorded with it, Idempotency-Key): that snapshot.
    const snapshot = <T>(reads: (db: Pick<DataSource, 'query'>) => Promise<T>): Promise<T> =>
      tx
        ? reads({ query: (sql: string, params?: unknown[]) => tx.rows(sql, params) } as Pick<DataSource, 'query'>)
        : this.dataSource.transaction('REPEATABLE READ', reads);
    const [instances, tasks, jobs, incidents, history, opinions] = await snapshot(
      async (db) =>
        [
          await db.query(
            `SELECT id, definition_key AS "definitionKey", version, business_key AS "businessKey", procedure_code AS "procedureCode",
           unit_code AS "unitCode", status, variables, started_by AS "startedBy", started_at AS "startedAt", ended_at AS "endedAt",
           state -> 'tokens' AS tokens
         FROM process_instances WHERE id = $1`,
            [id],
          ),
          await this.tasks.byInstance(id, db),
          (await db.query(
            `SELECT id, kind, element_id AS "elementId", topic, due_at AS "dueAt", status, attempts, max_attempts AS "maxAttempts",
           last_error AS "lastError", task_id AS "taskId" FROM jobs WHERE instance_id = $1 ORDER BY created_at, id`,
            [id],
          )) as (JobView & { taskId: string | null })[],
          (await db.query(`SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE instance_id = $1 ORDER BY created_at, id`, [
            id,
          ])) as IncidentView[],
          (await db.query(
            `SELECT at, type, element_id, task_id, actor, data FROM history_events WHERE instance_id = $1 ORDER BY id`,
            [id],
          )) as {
            at: Date;
            type: string;
            element_id: string | null;
            task_id: string | null;
            actor: string | null;
            data: Record<string, unknown> | null;
          }[],
          await this.opinions.forInstance(id, db),
        ] as const,
    );
    const opinionOf = new Map(opinions.map((o) => [o.taskId, o]));
    if (!instances[0]) return null;
    const { tokens, ...instance } = instances[0] as Omit<InstanceView, 'activeElementIds' | 'completedElementIds'> & {
      tokens: DiagramToken[] | null;
    };
    return {
      ...instance,
      activeElementIds: instance.endedAt ? [] : activeElements(tokens ?? []),
      completedElementIds: [
        ...new Set(history.filter((h) => PATH_EVENTS.has(h.type) && h.element_id).map((h) => h.element_id!)),
      ],
      tasks: tasks.map((row) => toTaskView(row, now)),
      // Timers and service jobs of the diagram; a task's deadline jobs (warning, overdue) are listed apart.
      jobs: jobs.filter((job) => !job.taskId).map(({ taskId: _, ...job }) => job),
      deadlines: jobs.filter((job) => job.taskId),
      incidents,
      history: history.map((row): HistoryView => ({
        at: row.at,
        type: row.type,
        elementId: row.element_id,
        ...(row.task_id ? { taskId: row.task_id } : {}),
        ...(row.actor ? { actor: row.actor } : {}),
        ...(row.data ? { data: row.data } : {}),
        ...(row.type === 'task.completed' && row.task_id && opinionOf.has(row.task_id)
          ? { opinion: brief(opinionOf.get(row.task_id)!) }
          : {}),
      })),
      opinions,
    };
  }
}

/** The engine's tokens as far as the diagram needs them (libs/engine runtime/instance-state.types.ts). */
export interface DiagramToken {
  elementId: string;
  hostId?: string;
  scopeListener?: true;
}

/** History events that mark the path taken: elements left and sequence flows followed. */
const PATH_EVENTS = new Set(['element.completed', 'flow.taken']);

/**
 * Where the instance stands: the elements its tokens wait at or run in. Listener tokens (boundary
 * events, the events after an event-based gateway, event-subprocess starts) are subscriptions of
 * another token, not positions of their own.
 */
export function activeElements(tokens: DiagramToken[]): string[] {
  return [...new Set(tokens.filter((t) => !t.hostId && !t.scopeListener).map((t) => t.elementId))];
}

/** What a history entry carries of the step's opinion (the full record is in `opinions`). */
function brief(o: OpinionView): NonNullable<HistoryView['opinion']> {
  return { id: o.id, text: o.text, attachments: o.attachments.map((a) => ({ id: a.id, name: a.name })) };
}
