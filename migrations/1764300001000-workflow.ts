import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Definitions, instances, tasks, jobs, history and incidents (libs/workflow, DESIGN §3).
 * Tasks and jobs carry the engine's own ids, so no defaults on those keys.
 */
export class Workflow1764300001000 implements MigrationInterface {
  name = 'Workflow1764300001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE process_definitions (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key            text NOT NULL,
        version        integer NOT NULL CHECK (version > 0),
        name           text NOT NULL DEFAULT '',
        procedure_code text,
        xml            text NOT NULL,
        model          jsonb NOT NULL,
        deployed_by    text,
        deployed_at    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT process_definitions_key_version_key UNIQUE (key, version)
      )`);
    await db.query(`CREATE INDEX process_definitions_procedure_code_idx ON process_definitions (procedure_code)`);

    await db.query(`
      CREATE TABLE process_instances (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        definition_id    uuid NOT NULL REFERENCES process_definitions (id),
        definition_key   text NOT NULL,
        version          integer NOT NULL,
        procedure_code   text,
        business_key     text,
        unit_code        text NOT NULL,
        status           text NOT NULL CHECK (status IN ('running', 'completed', 'terminated', 'incident')),
        state            jsonb NOT NULL,
        variables        jsonb NOT NULL DEFAULT '{}',
        waiting_messages text[] NOT NULL DEFAULT '{}',
        started_by       text,
        started_at       timestamptz NOT NULL,
        ended_at         timestamptz,
        rev              integer NOT NULL DEFAULT 1
      )`);
    await db.query(
      `CREATE INDEX process_instances_business_key_idx ON process_instances (business_key) WHERE business_key IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX process_instances_definition_key_status_idx ON process_instances (definition_key, status)`,
    );
    await db.query(`
      CREATE INDEX process_instances_waiting_messages_idx ON process_instances USING gin (waiting_messages)
      WHERE status IN ('running', 'incident')`);

    await db.query(`
      CREATE TABLE tasks (
        id               uuid PRIMARY KEY,
        instance_id      uuid NOT NULL REFERENCES process_instances (id),
        element_id       text NOT NULL,
        name             text NOT NULL DEFAULT '',
        unit_code        text NOT NULL,
        candidate_groups text[] NOT NULL DEFAULT '{}',
        assignee         text,
        status           text NOT NULL CHECK (status IN ('open', 'completed', 'cancelled')),
        created_at       timestamptz NOT NULL,
        due_at           timestamptz,
        claimed_at       timestamptz,
        completed_at     timestamptz,
        completed_by     text,
        spec             jsonb NOT NULL DEFAULT '{}'
      )`);
    // The inbox: a unit's open tasks by due time; "my tasks".
    await db.query(`CREATE INDEX tasks_unit_code_status_due_at_idx ON tasks (unit_code, status, due_at)`);
    await db.query(`CREATE INDEX tasks_assignee_status_idx ON tasks (assignee, status) WHERE assignee IS NOT NULL`);
    await db.query(`CREATE INDEX tasks_instance_id_idx ON tasks (instance_id)`);

    await db.query(`
      CREATE TABLE jobs (
        id           uuid PRIMARY KEY,
        instance_id  uuid NOT NULL REFERENCES process_instances (id),
        kind         text NOT NULL,
        element_id   text NOT NULL,
        topic        text,
        due_at       timestamptz NOT NULL,
        status       text NOT NULL CHECK (status IN ('pending', 'running', 'done', 'failed', 'cancelled')),
        attempts     integer NOT NULL DEFAULT 0,
        max_attempts integer NOT NULL DEFAULT 3,
        last_error   text,
        locked_by    text,
        locked_until timestamptz,
        created_at   timestamptz NOT NULL DEFAULT now(),
        updated_at   timestamptz NOT NULL DEFAULT now()
      )`);
    // The reconciler scans these two: pending by due time, running by lock expiry.
    await db.query(`CREATE INDEX jobs_pending_due_at_idx ON jobs (due_at) WHERE status = 'pending'`);
    await db.query(`CREATE INDEX jobs_running_locked_until_idx ON jobs (locked_until) WHERE status = 'running'`);
    await db.query(`CREATE INDEX jobs_instance_id_idx ON jobs (instance_id)`);

    await db.query(`
      CREATE TABLE history_events (
        id          bigserial PRIMARY KEY,
        instance_id uuid NOT NULL REFERENCES process_instances (id),
        at          timestamptz NOT NULL,
        type        text NOT NULL,
        element_id  text,
        task_id     uuid,
        actor       text,
        data        jsonb
      )`);
    await db.query(`CREATE INDEX history_events_instance_id_id_idx ON history_events (instance_id, id)`);
    // History is the control slip (Form 05) and the audit trail: rows are never changed.
    await db.query(`
      CREATE FUNCTION history_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'history_events is append-only';
      END $$`);
    await db.query(`
      CREATE TRIGGER history_events_append_only BEFORE UPDATE OR DELETE ON history_events
      FOR EACH ROW EXECUTE FUNCTION history_events_append_only()`);

    await db.query(`
      CREATE TABLE incidents (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        instance_id uuid NOT NULL REFERENCES process_instances (id),
        job_id      uuid REFERENCES jobs (id),
        element_id  text,
        code        text NOT NULL,
        message     text NOT NULL,
        status      text NOT NULL CHECK (status IN ('open', 'resolved')),
        created_at  timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        resolved_by text
      )`);
    await db.query(`CREATE INDEX incidents_instance_id_idx ON incidents (instance_id)`);
    await db.query(`CREATE INDEX incidents_status_created_at_idx ON incidents (status, created_at)`);

    // A command writes in one statement guarded by the instance's revision; when a guard fails
    // (someone else moved the instance first) this aborts the whole statement, which is retried.
    await db.query(`
      CREATE FUNCTION workflow_guard(ok boolean) RETURNS boolean LANGUAGE plpgsql AS $$
      BEGIN
        IF ok IS NOT TRUE THEN
          RAISE EXCEPTION 'workflow command lost a race' USING ERRCODE = 'WF409';
        END IF;
        RETURN true;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION workflow_guard(boolean)`);
    await db.query(`DROP TABLE incidents`);
    await db.query(`DROP TRIGGER history_events_append_only ON history_events`);
    await db.query(`DROP TABLE history_events`);
    await db.query(`DROP FUNCTION history_events_append_only()`);
    await db.query(`DROP TABLE jobs`);
    await db.query(`DROP TABLE tasks`);
    await db.query(`DROP TABLE process_instances`);
    await db.query(`DROP TABLE process_definitions`);
  }
}
