import { Injectable } from '@nestjs/common';
import { Engine, type InstanceState, type ProcessModel } from '../runtime/engine.port';
import type { Sql } from '../persistence/sql';

/** One version of a key, as a migration needs it. */
export interface VersionRecord {
  id: string;
  version: number;
  model: ProcessModel;
}

/** What a migrated instance's rows become. */
export interface MigrationWrite {
  instanceId: string;
  to: VersionRecord;
  fromVersion: number;
  state: InstanceState;
  /** Old element id → new element id, for every element the state referred to. */
  elements: Record<string, string>;
  actor: string | null;
  at: Date;
}

/** The SQL of instance migration: versions, candidates, and the rewrite of one instance's rows. */
@Injectable()
export class MigrationRepository {
  async version(sql: Sql, key: string, version: number): Promise<VersionRecord | null> {
    const rows = await sql.rows<VersionRecord>(
      `SELECT id, version, model FROM process_definitions WHERE key = $1 AND version = $2`,
      [key, version],
    );
    return rows[0] ?? null;
  }

  /** The default selection: every running instance of the version, oldest first. */
  async runningIds(sql: Sql, definitionId: string): Promise<string[]> {
    const rows = await sql.rows<{ id: string }>(
      `SELECT id FROM process_instances WHERE definition_id = $1 AND status = 'running' ORDER BY started_at, id`,
      [definitionId],
    );
    return rows.map((row) => row.id);
  }

  /** A job a worker holds right now: its result would be applied to a state that no longer has its element. */
  async hasRunningJob(sql: Sql, instanceId: string): Promise<boolean> {
    const rows = await sql.rows(`SELECT 1 FROM jobs WHERE instance_id = $1 AND status = 'running' LIMIT 1`, [
      instanceId,
    ]);
    return rows.length > 0;
  }

  /**
   * Rewrites one instance in the caller's transaction (the instance row is already locked): its
   * version and state, the element ids of its open tasks (and their names) and live jobs, and a
   * history record. The revision moves on, so a command that read the old state retries.
   */
  async write(sql: Sql, write: MigrationWrite): Promise<void> {
    const { variables: _variables, ...engineState } = write.state;
    const olds = Object.keys(write.elements);
    const news = olds.map((id) => write.elements[id]);
    const names = news.map((id) => write.to.model.elements[id]?.name ?? id);
    await sql.rows(
      `WITH instance AS (
         UPDATE process_instances SET definition_id = $2, version = $3, state = $4::jsonb, waiting_messages = $5::text[], rev = rev + 1
         WHERE id = $1 RETURNING id),
       element_map AS (SELECT * FROM unnest($6::text[], $7::text[], $8::text[]) AS m(old_id, new_id, new_name)),
       task_rows AS (
         UPDATE tasks t SET element_id = m.new_id, name = m.new_name FROM element_map m
         WHERE t.instance_id = $1 AND t.status = 'open' AND t.element_id = m.old_id RETURNING t.id),
       job_rows AS (
         UPDATE jobs j SET element_id = m.new_id, updated_at = $9 FROM element_map m
         WHERE j.instance_id = $1 AND j.status IN ('pending', 'running') AND j.element_id = m.old_id RETURNING j.id)
       INSERT INTO history_events (instance_id, at, type, actor, data)
       SELECT id, $9, 'instance.migrated', $10, $11::jsonb FROM instance`,
      [
        write.instanceId,
        write.to.id,
        write.to.version,
        JSON.stringify(engineState),
        Engine.waitingMessages(write.state),
        olds,
        news,
        names,
        write.at,
        write.actor,
        JSON.stringify({ fromVersion: write.fromVersion, toVersion: write.to.version, elements: write.elements }),
      ],
    );
  }
}
