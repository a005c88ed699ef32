import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signal broadcast finds the instances waiting for a name with `state->'tokens' @> [{wait: {kind:
 * 'signal', name}}]` (libs/workflow/src/signals): this index serves it without a projection column
 * the instance write would have to maintain.
 */
export class SignalSubscriptions1764300700000 implements MigrationInterface {
  name = 'SignalSubscriptions1764300700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE INDEX process_instances_state_tokens_idx ON process_instances USING gin ((state->'tokens') jsonb_path_ops)
      WHERE status IN ('running', 'incident')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX process_instances_state_tokens_idx`);
  }
}
