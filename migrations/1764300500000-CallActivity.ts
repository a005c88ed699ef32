import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Call activities (libs/workflow/src/calls, issue 8): a child instance records the parent
 * instance and the engine's call id it was started for. One child per call (unique), so a
 * redelivered `call.start` job can never start a second one.
 */
export class CallActivity1764300500000 implements MigrationInterface {
  name = 'CallActivity1764300500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE process_instances ADD COLUMN parent_instance_id uuid REFERENCES process_instances (id)`,
    );
    await db.query(`ALTER TABLE process_instances ADD COLUMN parent_call_id uuid`);
    await db.query(
      `CREATE UNIQUE INDEX process_instances_parent_call_id_idx ON process_instances (parent_call_id) WHERE parent_call_id IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX process_instances_parent_instance_id_idx ON process_instances (parent_instance_id) WHERE parent_instance_id IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX process_instances_parent_instance_id_idx`);
    await db.query(`DROP INDEX process_instances_parent_call_id_idx`);
    await db.query(`ALTER TABLE process_instances DROP COLUMN parent_call_id`);
    await db.query(`ALTER TABLE process_instances DROP COLUMN parent_instance_id`);
  }
}
