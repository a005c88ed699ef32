import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type AuthUser, foldedContains } from '../../../common/src';
import type { TaskStatus } from '../views/task.view';
import type { TaskRow } from '../views/task.view';
import { InboxSubjects } from './inbox-subjects';
import { expandRoles, taskVisibleSql } from './role-groups';
import { keptCountSql } from './task-counts';

export interface InboxQuery {
  assignee?: 'me';
  unassigned?: boolean;
  overdue?: boolean;
  /** Procedure code or definition key. */
  procedure?: string;
  /** Part of the dossier code, the applicant's name or ID number (accents ignored), as an officer types it. */
  q?: string;
  status?: TaskStatus | 'all';
  /** The head's view of the whole unit: every step of it, whatever its groups (checked by TaskService). */
  scope?: 'unit';
  limit: number;
  offset: number;
}

/** A search's total is counted up to this (the page then says "more than 200": ten pages of 20). */
export const SEARCH_COUNT_CAP = 200;

/** A task row with its instance's keys (alias `t` for tasks, `i` for instances). */
export const TASK_ROW = `t.id, t.element_id, t.name, t.instance_id, t.unit_code, t.candidate_groups, t.assignee, t.status, t.created_at,
  t.due_at, t.overdue_at, t.claimed_at, t.completed_at, t.completed_by, t.spec, i.business_key, i.definition_key, i.procedure_code`;

/** Changes a task row and writes its history row in one statement; returns the changed row with its instance keys. */
function changeWithHistory(update: string, type: string, data: string): string {
  return `WITH c AS (${update} RETURNING *),
    h AS (INSERT INTO history_events (instance_id, at, type, element_id, task_id, actor, data)
          SELECT c.instance_id, $2, '${type}', c.element_id, c.id, $3, ${data} FROM c)
    SELECT ${TASK_ROW.replace(/\bt\./g, 'c.')} FROM c JOIN process_instances i ON i.id = c.instance_id`;
}

/** `tasks`: the inbox query and the atomic claim/unclaim/assign updates (completion is a command: TaskService). */
@Injectable()
export class TasksRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly subjects: InboxSubjects,
  ) {}

  /** Tasks a user may act on: their unit, a matching candidate group (filtered in SQL). */
  async inbox(
    user: AuthUser,
    query: InboxQuery,
    now: Date,
  ): Promise<{ rows: TaskRow[]; total: number; totalCapped: boolean }> {
    const params: unknown[] = [user.unitCode, expandRoles(user.roles)];
    // The head's whole unit names $2 only so that the statement's parameters stay the same.
    const where = [
      query.scope === 'unit' ? `t.unit_code = $1 AND cardinality($2::text[]) >= 0` : taskVisibleSql('$1', '$2::text[]'),
    ];
    const add = (value: unknown) => `$${params.push(value)}`;
    if (query.status !== 'all') where.push(`t.status = ${add(query.status ?? 'open')}`);
    if (query.assignee === 'me') where.push(`t.assignee = ${add(user.username)}`);
    if (query.unassigned) where.push(`t.assignee IS NULL`);
    // Flagged by the overdue job, or already past due (the job may not have run yet).
    if (query.overdue) where.push(`t.status = 'open' AND (t.overdue_at IS NOT NULL OR t.due_at < ${add(now)})`);
    // The case's code, applicant or ID number, accents ignored; % and _ typed by the officer are literal.
    // An open step carries its case's folded text (migration InboxTaskSearch, ADR 0032): one index serves the
    // match, the order and the page. Closed steps are searched through their cases.
    if (query.q) {
      const pattern = add(foldedContains(query.q));
      where.push(
        (query.status ?? 'open') === 'open' ? `t.search_text LIKE ${pattern}` : this.subjects.searchSql(pattern),
      );
    }
    if (query.procedure) {
      const p = add(query.procedure);
      where.push(`(i.procedure_code = ${p} OR i.definition_key = ${p})`);
    }
    const filterParams = [...params];
    // The page's keys first, from `tasks` alone (joined to the instance only to filter on it), then
    // the page's rows: the planner then walks an index in the inbox's order and stops at the page
    // instead of fetching, joining and sorting every step of an officer holding hundreds.
    const tasks = query.procedure ? 'tasks t JOIN process_instances i ON i.id = t.instance_id' : 'tasks t';
    const order = 't.due_at ASC NULLS LAST, t.created_at ASC, t.id';
    const keys = `SELECT t.id FROM ${tasks} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${add(query.limit)} OFFSET ${add(query.offset)}`;
    const [rows, total] = await Promise.all([
      this.dataSource.query(
        `SELECT ${TASK_ROW}, subj.applicant_name, subj.procedure_name, subj.appointment_at
        FROM (${keys}) p JOIN tasks t ON t.id = p.id JOIN process_instances i ON i.id = t.instance_id ${this.subjects.sql.join}
        ORDER BY ${order}`,
        params,
      ) as Promise<TaskRow[]>,
      this.count(user, query, now, tasks, where, filterParams, order),
    ]);
    // Only a search is counted up to the cap; the kept counts and the other filters are exact.
    const capped = !!query.q && total > SEARCH_COUNT_CAP;
    return { rows, total: capped ? SEARCH_COUNT_CAP : total, totalCapped: capped };
  }

  /**
   * The inbox's `total`. A unit's open steps — everyone's, nobody's or the caller's, overdue or not —
   * come from the kept counts (ADR 0006: a district's 30,000 open steps are not read for each page);
   * another status or a filter on the dossier (`q`, `procedure`) counts the rows.
   */
  private async count(
    user: AuthUser,
    query: InboxQuery,
    now: Date,
    tasks: string,
    where: string[],
    params: unknown[],
    order: string,
  ): Promise<number> {
    if (!query.q && !query.procedure && !query.scope && (query.status ?? 'open') === 'open') {
      const holder = query.assignee === 'me' ? 'mine' : query.unassigned ? 'nobody' : 'any';
      // "Mine and unassigned" is nobody's step: none.
      if (holder === 'mine' && query.unassigned) return 0;
      const args = [
        user.unitCode,
        expandRoles(user.roles),
        ...(holder === 'mine' ? [user.username] : []),
        ...(query.overdue ? [now] : []),
      ];
      const [row] = (await this.dataSource.query(keptCountSql({ holder, overdue: !!query.overdue }), args)) as {
        n: number;
      }[];
      return row.n;
    }
    // `instance_id` is a NOT NULL foreign key: joining the instance (to filter on it) drops no task. A search
    // counts up to one past the cap: "Nguyen Van" matches thousands of a desk's steps, and nobody pages past 200 (ten pages).
    // In the page's order, so that a common term is the same index walk as the page (ended at the cap) and a
    // rare one the trigram index's few matches.
    const counted = `SELECT 1 FROM ${tasks} WHERE ${where.join(' AND ')}`;
    const [row] = (await this.dataSource.query(
      query.q
        ? `SELECT count(*)::int AS n FROM (${counted} ORDER BY ${order} LIMIT ${SEARCH_COUNT_CAP + 1}) c`
        : `SELECT count(*)::int AS n FROM (${counted}) c`,
      params,
    )) as { n: number }[];
    return row.n;
  }

  /** The candidate groups of those of `ids` that are open steps of `unitCode` (the others are not the caller's to hand out). */
  async openGroupsOf(ids: readonly string[], unitCode: string): Promise<string[][]> {
    const rows = (await this.dataSource.query(
      `SELECT t.candidate_groups FROM tasks t WHERE t.id = ANY($1::uuid[]) AND t.unit_code = $2 AND t.status = 'open'`,
      [ids, unitCode],
    )) as { candidate_groups: string[] }[];
    return rows.map((row) => row.candidate_groups);
  }

  async find(id: string): Promise<TaskRow | undefined> {
    const sql = `SELECT ${TASK_ROW} FROM tasks t JOIN process_instances i ON i.id = t.instance_id WHERE t.id = $1`;
    return ((await this.dataSource.query(sql, [id])) as TaskRow[])[0];
  }

  async byInstance(instanceId: string, db: Pick<DataSource, 'query'> = this.dataSource): Promise<TaskRow[]> {
    return db.query(
      `SELECT ${TASK_ROW} FROM tasks t JOIN process_instances i ON i.id = t.instance_id WHERE t.instance_id = $1 ORDER BY t.created_at, t.id`,
      [instanceId],
    );
  }

  /** Atomic claim: succeeds for exactly one caller of an open, unassigned task the user may take. */
  async claim(id: string, user: AuthUser, now: Date): Promise<TaskRow | undefined> {
    const sql = changeWithHistory(
      `UPDATE tasks t SET assignee = $3, claimed_at = $2
       WHERE t.id = $1 AND t.status = 'open' AND t.assignee IS NULL AND ${taskVisibleSql('$4', '$5::text[]')}`,
      'task.claimed',
      'NULL',
    );
    return this.first(sql, [id, now, user.username, user.unitCode, expandRoles(user.roles)]);
  }

  /** Releases a task held by `assignee` (the caller) — or by anyone, when the caller heads the unit. */
  async unclaim(id: string, user: AuthUser, asHead: boolean, now: Date): Promise<TaskRow | undefined> {
    const sql = changeWithHistory(
      `UPDATE tasks t SET assignee = NULL, claimed_at = NULL
       WHERE t.id = $1 AND t.status = 'open' AND t.assignee IS NOT NULL AND t.unit_code = $4 AND ($5 OR t.assignee = $3)`,
      'task.unclaimed',
      `jsonb_build_object('from', (SELECT assignee FROM tasks WHERE id = $1))`,
    );
    return this.first(sql, [id, now, user.username, user.unitCode, asHead]);
  }

  /** Hands an open task to `target` (delegation); the caller holds it, or heads the unit. */
  async assign(id: string, user: AuthUser, asHead: boolean, target: string, now: Date): Promise<TaskRow | undefined> {
    const sql = changeWithHistory(
      `UPDATE tasks t SET assignee = $6, claimed_at = $2
       WHERE t.id = $1 AND t.status = 'open' AND t.unit_code = $4 AND ($5 OR t.assignee = $3)`,
      'task.delegated',
      `jsonb_build_object('from', (SELECT assignee FROM tasks WHERE id = $1), 'to', $6::text)`,
    );
    return this.first(sql, [id, now, user.username, user.unitCode, asHead, target]);
  }

  private async first(sql: string, params: unknown[]): Promise<TaskRow | undefined> {
    return ((await this.dataSource.query(sql, params)) as TaskRow[])[0];
  }
}
