import { Injectable } from '@nestjs/common';
import type { JobToEnqueue } from '../persistence/command.tx';
import type { CachedTask } from '../persistence/instance.cache';
import type { InstanceRow } from '../persistence/instances.repository';
import { WriteStatement } from '../persistence/write.statement';
import { EffectRows } from './effect.rows';
import { Engine, type EngineResult, type InstanceState } from './engine.port';
import type { HistoryRow } from './history.row';
import type { InstanceChange } from './instance-change';

/** What one command produced, ready to be written. */
export interface CommandWrite {
  /** The instance before the command (for a start: the row about to be inserted). */
  instance: InstanceRow;
  isNew: boolean;
  result: EngineResult;
  actor: string | null;
  now: Date;
  /** Workflow-level history (claims, job failures) written before the engine's own records. */
  history?: HistoryRow[];
  /** The job this command applies; incidents it raises point at it. */
  jobId?: string;
}

/** The name of the instance write in the statement; guards check it returned a row. */
export const INSTANCE_WRITE = 'instance_write';
/** For parts that lock existing rows: wait until the instance row is locked by the instance write. */
export const AFTER_INSTANCE = `EXISTS (SELECT 1 FROM ${INSTANCE_WRITE})`;

/** A command's statement, ready to run, and what to do once it committed. */
export interface BuiltWrite {
  statement: WriteStatement;
  change: InstanceChange;
  enqueue: JobToEnqueue[];
  dequeue: string[];
  /** The instance state after the command, variables included. */
  state: InstanceState;
  /** Tasks the command opened and closed (for the instance cache once committed). */
  opened: CachedTask[];
  closed: string[];
}

/**
 * Turns a command's effects into rows, all in ONE statement (see WriteStatement): tasks with
 * their unit and due time, cancelled tasks and jobs, new jobs, incidents, history, and the
 * instance's new state and status. New jobs are returned for enqueueing after commit.
 */
@Injectable()
export class EffectWriter {
  constructor(private readonly rows: EffectRows) {}

  /** Builds the command's statement; the instance write is the CTE `INSTANCE_WRITE`, guarded by the revision read. */
  async build(input: CommandWrite): Promise<BuiltWrite> {
    const { instance, result, now } = input;
    const {
      tasks,
      jobs,
      cancelledTasks,
      cancelledJobs,
      closedTasks,
      closedTaskDeadlines,
      incidents,
      history,
      ended,
      status,
    } = await this.rows.collect(input);
    const st = new WriteStatement();
    const id = () => st.shared('id', instance.id, '::uuid');
    const at = () => st.shared('at', now, '::timestamptz');
    const actor = () => st.shared('actor', input.actor, '::text');
    const { variables = {}, ...engineState } = result.state;
    const waiting = Engine.waitingMessages(result.state);

    // The instance first: parts that lock existing rows wait for it (`AFTER_INSTANCE`), so every
    // command locks the instance before its tasks and jobs — the same order everywhere, no deadlocks.
    if (input.isNew) {
      st.add(
        `INSERT INTO process_instances (id, definition_id, definition_key, version, procedure_code, business_key, unit_code,
          status, state, variables, waiting_messages, started_by, started_at, ended_at)
        VALUES (${id()}, ${st.param(instance.definitionId)}, ${st.param(instance.definitionKey)}, ${st.param(instance.version)},
          ${st.param(instance.procedureCode)}, ${st.param(instance.businessKey)}, ${st.param(instance.unitCode)}, ${st.param(status)},
          ${st.json(engineState)}, ${st.json(variables)}, ${st.param(waiting, '::text[]')}, ${actor()}, ${at()}, ${ended ? at() : 'NULL'})
        RETURNING id`,
        INSTANCE_WRITE,
      );
    } else {
      st.add(
        `UPDATE process_instances SET state = ${st.json(engineState)}, variables = ${st.json(variables)}, status = ${st.param(status)},
          waiting_messages = ${st.param(waiting, '::text[]')}, ended_at = ${ended ? at() : 'ended_at'}, rev = rev + 1
        WHERE id = ${id()} AND rev = ${st.param(instance.rev, '::int')} RETURNING id`,
        INSTANCE_WRITE,
      );
    }
    if (tasks.length) {
      st.add(`INSERT INTO tasks (id, instance_id, element_id, name, unit_code, candidate_groups, assignee, claimed_at, status, created_at, due_at, spec)
        SELECT r.id, ${id()}, r.element_id, r.name, r.unit_code, COALESCE(r.candidate_groups, '{}'), r.assignee,
          CASE WHEN r.assignee IS NULL THEN NULL ELSE ${at()} END, 'open', ${at()}, r.due_at, COALESCE(r.spec, '{}')
        FROM jsonb_to_recordset(${st.json(tasks)})
          AS r(id uuid, element_id text, name text, unit_code text, candidate_groups text[], assignee text, due_at timestamptz, spec jsonb)`);
    }
    if (cancelledTasks.length) {
      st.add(`UPDATE tasks SET status = 'cancelled', completed_at = ${at()}
        WHERE id = ANY(${st.param(cancelledTasks, '::uuid[]')}) AND status = 'open' AND ${AFTER_INSTANCE}`);
    }
    if (jobs.length) {
      st.add(`INSERT INTO jobs (id, instance_id, task_id, kind, element_id, topic, due_at, status, max_attempts, created_at, updated_at)
        SELECT r.id, ${id()}, r.task_id, r.kind, r.element_id, r.topic, r.due_at, 'pending', r.max_attempts, ${at()}, ${at()}
        FROM jsonb_to_recordset(${st.json(jobs)})
          AS r(id uuid, task_id uuid, kind text, element_id text, topic text, due_at timestamptz, max_attempts int)`);
    }
    // A step closed by this command needs no warning or overdue flag any more (ids derive from the task id: no read).
    // 'pending' is a parameter: a literal would let a prepared statement's generic plan AND the primary key with
    // the partial index of every pending job (jobs_pending_due_at_idx), which young statistics make look cheap.
    if (closedTaskDeadlines.length) {
      st.add(`UPDATE jobs SET status = 'cancelled', updated_at = ${at()}
        WHERE id = ANY(${st.param(closedTaskDeadlines, '::uuid[]')}) AND status = ${st.param('pending', '::text')} AND ${AFTER_INSTANCE}`);
    }
    const cancelledJobsSql = () => st.shared('cancelledJobs', cancelledJobs, '::uuid[]');
    if (cancelledJobs.length) {
      st.add(`UPDATE jobs SET status = 'cancelled', locked_by = NULL, locked_until = NULL, updated_at = ${at()}
        WHERE id = ANY(${cancelledJobsSql()}) AND status IN ('pending', 'running', 'failed') AND ${AFTER_INSTANCE}`);
    }
    if (incidents.length) {
      st.add(`INSERT INTO incidents (instance_id, job_id, element_id, code, message, status, created_at)
        SELECT ${id()}, ${st.param(input.jobId ?? null, '::uuid')}, r.element_id, r.code, r.message, 'open', ${at()}
        FROM jsonb_to_recordset(${st.json(incidents)}) AS r(element_id text, code text, message text)`);
    }
    // An open incident is moot once its job is cancelled (an interrupting event) or the instance has ended.
    if (instance.status === 'incident' && (ended || cancelledJobs.length)) {
      st.add(`UPDATE incidents SET status = 'resolved', resolved_at = ${at()}, resolved_by = ${actor()}
        WHERE instance_id = ${id()} AND status = 'open' AND (${ended ? 'true' : `job_id = ANY(${cancelledJobsSql()})`}) AND ${AFTER_INSTANCE}`);
    }
    if (history.length) {
      st.add(`INSERT INTO history_events (instance_id, at, type, element_id, task_id, actor, data)
        SELECT ${id()}, ${at()}, r.type, r.element_id, r.task_id, ${actor()}, r.data
        FROM ROWS FROM (jsonb_to_recordset(${st.json(history)}) AS (type text, element_id text, task_id uuid, data jsonb))
          WITH ORDINALITY AS r(type, element_id, task_id, data, n)
        ORDER BY r.n`);
    }

    const change: InstanceChange = {
      instanceId: instance.id,
      definitionKey: instance.definitionKey,
      procedureCode: instance.procedureCode,
      businessKey: instance.businessKey,
      unitCode: instance.unitCode,
      status,
      variables: variables as Record<string, unknown>,
      effects: result.effects,
      tasksCreated: tasks.map((t) => ({
        id: t.id,
        elementId: t.element_id,
        unitCode: t.unit_code,
        dueAt: t.due_at ? new Date(t.due_at) : null,
        publicStatus: t.spec.status,
      })),
      actor: input.actor,
      at: now,
    };
    return {
      statement: st,
      change,
      enqueue: jobs.map((job) => ({ id: job.id, dueAt: new Date(job.due_at) })),
      dequeue: [...cancelledJobs, ...closedTaskDeadlines],
      state: result.state,
      opened: tasks.map((t) => ({
        id: t.id,
        instanceId: instance.id,
        unitCode: t.unit_code,
        candidateGroups: t.candidate_groups,
        assignee: t.assignee,
        form: t.spec.form,
      })),
      closed: closedTasks,
    };
  }
}
