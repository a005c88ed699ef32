import { Injectable } from '@nestjs/common';
import type { ProcessInstanceStatus } from '../views/instance.view';
import type { InstanceState } from '../runtime/engine.port';
import type { TaskRow } from '../views/task.view';
import type { Sql } from './sql';
import { TASK_ROW } from './tasks.repository';

/** An instance as commands see it: the engine state with its variables merged back in. */
export interface InstanceRow {
  id: string;
  definitionId: string;
  definitionKey: string;
  version: number;
  procedureCode: string | null;
  businessKey: string | null;
  unitCode: string;
  status: ProcessInstanceStatus;
  state: InstanceState;
  /** Revision read; the command's write is guarded by it (optimistic concurrency). */
  rev: number;
  /** While `incident`: the job ids ('' for none) of the open incidents. */
  openIncidentJobs: string[];
  /** Started by a call activity: the engine's call id in the parent (libs/workflow/src/calls). */
  parentCallId?: string | null;
}

/** An instance row as `INSTANCE_COLUMNS` returns it (alias `i`). */
export interface RawInstance {
  i_id: string;
  i_definition_id: string;
  i_definition_key: string;
  i_version: number;
  i_procedure_code: string | null;
  i_business_key: string | null;
  i_unit_code: string;
  i_status: ProcessInstanceStatus;
  i_state: Record<string, unknown>;
  i_variables: Record<string, unknown>;
  i_rev: number;
  i_open_incident_jobs: string[] | null;
  i_parent_call_id: string | null;
}

/** The columns of a command's instance read, on alias `i`; `toInstanceRow` turns them into an `InstanceRow`. */
export const INSTANCE_COLUMNS = `i.id AS i_id, i.definition_id AS i_definition_id, i.definition_key AS i_definition_key, i.version AS i_version,
  i.procedure_code AS i_procedure_code, i.business_key AS i_business_key, i.unit_code AS i_unit_code, i.status AS i_status,
  i.state AS i_state, i.variables AS i_variables, i.rev AS i_rev, i.parent_call_id AS i_parent_call_id,
  CASE WHEN i.status = 'incident'
    THEN ARRAY(SELECT coalesce(n.job_id::text, '') FROM incidents n WHERE n.instance_id = i.id AND n.status = 'open') END AS i_open_incident_jobs`;

export function toInstanceRow(raw: RawInstance | undefined): InstanceRow | null {
  if (!raw?.i_id) return null;
  return {
    id: raw.i_id,
    definitionId: raw.i_definition_id,
    definitionKey: raw.i_definition_key,
    version: raw.i_version,
    procedureCode: raw.i_procedure_code,
    businessKey: raw.i_business_key,
    unitCode: raw.i_unit_code,
    status: raw.i_status,
    state: { ...raw.i_state, variables: raw.i_variables } as InstanceState,
    rev: raw.i_rev,
    openIncidentJobs: raw.i_open_incident_jobs ?? [],
    parentCallId: raw.i_parent_call_id,
  };
}

/**
 * Reads instances for commands. In autocommit mode the read takes no lock (the write is
 * guarded by `rev`); inside a caller's transaction it locks the row (`FOR UPDATE`), so the
 * guarded write cannot lose and abort that transaction.
 */
@Injectable()
export class InstancesRepository {
  async load(sql: Sql, id: string): Promise<InstanceRow | null> {
    const lock = sql.inTransaction ? 'FOR UPDATE OF i' : '';
    return toInstanceRow(
      (
        await sql.rows<RawInstance>(`SELECT ${INSTANCE_COLUMNS} FROM process_instances i WHERE i.id = $1 ${lock}`, [id])
      )[0],
    );
  }

  /** The instance of a task and the task, in one read (autocommit only: the write re-checks the task). */
  async loadWithTask(sql: Sql, taskId: string): Promise<{ instance: InstanceRow; task: TaskRow } | null> {
    const rows = await sql.rows<RawInstance & TaskRow>(
      `SELECT ${INSTANCE_COLUMNS}, ${TASK_ROW} FROM tasks t JOIN process_instances i ON i.id = t.instance_id WHERE t.id = $1`,
      [taskId],
    );
    const instance = toInstanceRow(rows[0]);
    return instance ? { instance, task: rows[0] } : null;
  }

  /** Instances of a business key waiting for a message (correlation by dossier code). */
  async idsWaitingFor(sql: Sql, businessKey: string, messageName: string): Promise<string[]> {
    const rows = await sql.rows<{ id: string }>(
      `SELECT id FROM process_instances
       WHERE business_key = $1 AND status IN ('running', 'incident') AND waiting_messages @> ARRAY[$2]::text[]
       ORDER BY started_at`,
      [businessKey, messageName],
    );
    return rows.map((r) => r.id);
  }
}
