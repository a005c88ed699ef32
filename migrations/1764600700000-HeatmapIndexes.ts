import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19 item 5: the process heatmap reads one procedure's steps completed in a period. Its
 * instances are found by procedure and start (an instance started after the period holds none of
 * its steps); their tasks then by `tasks_instance_id_idx`.
 */
export class HeatmapIndexes1764600700000 implements MigrationInterface {
  name = 'HeatmapIndexes1764600700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX IF NOT EXISTS process_instances_procedure_started_idx ON process_instances (procedure_code, started_at)
      INCLUDE (ended_at) WHERE procedure_code IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS process_instances_procedure_started_idx`);
  }
}
