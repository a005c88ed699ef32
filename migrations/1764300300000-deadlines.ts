import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Step deadlines, notifications and timer starts (libs/workflow, issue 3 items 4–5):
 * jobs may belong to a task (deadline warning/overdue) or to a definition with no instance yet
 * (a timer start event), and carry a small payload; a task records when it became overdue;
 * officers get notifications. A job writes each recipient's notification at most once.
 */
export class Deadlines1764300300000 implements MigrationInterface {
  name = 'Deadlines1764300300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE jobs ALTER COLUMN instance_id DROP NOT NULL`);
    await db.query(`ALTER TABLE jobs ADD COLUMN task_id uuid REFERENCES tasks (id)`);
    await db.query(`ALTER TABLE jobs ADD COLUMN definition_id uuid REFERENCES process_definitions (id)`);
    await db.query(`ALTER TABLE jobs ADD COLUMN payload jsonb`);
    await db.query(
      `ALTER TABLE jobs ADD CONSTRAINT jobs_owner_check CHECK (instance_id IS NOT NULL OR definition_id IS NOT NULL)`,
    );
    // A new version of a key cancels the pending timer start of the previous one.
    await db.query(
      `CREATE INDEX jobs_definition_id_idx ON jobs (definition_id) WHERE definition_id IS NOT NULL AND status = 'pending'`,
    );

    await db.query(`ALTER TABLE tasks ADD COLUMN overdue_at timestamptz`);

    await db.query(`
      CREATE TABLE notifications (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recipient    text NOT NULL,
        kind         text NOT NULL,
        job_id       uuid REFERENCES jobs (id),
        task_id      uuid REFERENCES tasks (id),
        instance_id  uuid REFERENCES process_instances (id),
        business_key text,
        title        text NOT NULL,
        body         text NOT NULL DEFAULT '',
        created_at   timestamptz NOT NULL,
        read_at      timestamptz
      )`);
    // A redelivered job must not notify twice.
    await db.query(
      `CREATE UNIQUE INDEX notifications_job_id_recipient_key ON notifications (job_id, recipient) WHERE job_id IS NOT NULL`,
    );
    await db.query(`CREATE INDEX notifications_recipient_created_at_idx ON notifications (recipient, created_at DESC)`);
    await db.query(
      `CREATE INDEX notifications_recipient_unread_idx ON notifications (recipient) WHERE read_at IS NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE notifications`);
    await db.query(`ALTER TABLE tasks DROP COLUMN overdue_at`);
    await db.query(`DROP INDEX jobs_definition_id_idx`);
    await db.query(`ALTER TABLE jobs DROP CONSTRAINT jobs_owner_check`);
    await db.query(`ALTER TABLE jobs DROP COLUMN payload`);
    await db.query(`ALTER TABLE jobs DROP COLUMN definition_id`);
    await db.query(`ALTER TABLE jobs DROP COLUMN task_id`);
    await db.query(`DELETE FROM jobs WHERE instance_id IS NULL`);
    await db.query(`ALTER TABLE jobs ALTER COLUMN instance_id SET NOT NULL`);
  }
}
