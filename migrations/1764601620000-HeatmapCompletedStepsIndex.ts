import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The process heatmap at province size (issue 19, "Must show": one procedure for one year ≤ 1 s). Its query
 * (`completedStepsOf`) finds the procedure's instances by `process_instances_procedure_started_idx`, then their
 * completed steps: with every column it reads included in both indexes, that is an index-only nested loop instead of a
 * hash join over a scan of all `tasks` (bench/RESULTS.md, "Process heatmap…").
 */
export class HeatmapCompletedStepsIndex1764601620000 implements MigrationInterface {
  name = 'HeatmapCompletedStepsIndex1764601620000';

  async up(db: QueryRunner): Promise<void> {
    // The instances' ids too, so that finding them is an index-only scan (before: a bitmap heap scan of
    // 124,000 instance rows, 200 ms of the 750 at province size).
    await db.query(`DROP INDEX IF EXISTS process_instances_procedure_started_idx`);
    await db.query(`CREATE INDEX process_instances_procedure_started_idx ON process_instances (procedure_code, started_at)
      INCLUDE (ended_at, id) WHERE procedure_code IS NOT NULL`);
    await db.query(`CREATE INDEX IF NOT EXISTS tasks_completed_steps_idx ON tasks (instance_id)
      INCLUDE (element_id, unit_code, created_at, completed_at, due_at, name) WHERE status = 'completed'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS tasks_completed_steps_idx`);
    await db.query(`DROP INDEX IF EXISTS process_instances_procedure_started_idx`);
    await db.query(`CREATE INDEX process_instances_procedure_started_idx ON process_instances (procedure_code, started_at)
      INCLUDE (ended_at) WHERE procedure_code IS NOT NULL`);
  }
}
