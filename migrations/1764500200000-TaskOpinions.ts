import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16 item 1: the officer's opinion (ý kiến xử lý) and attachments of a completed step, one
 * row per completion that carried either. Author, unit and step are copied at completion, so the
 * record reads as it was written after a rename or a move. Read per dossier (the business key,
 * shared by a dossier's call-activity children), newest first; attachments are the file
 * descriptors (`[{id, name, contentType, size}]`) the files module vouched for.
 */
export class TaskOpinions1764500200000 implements MigrationInterface {
  name = 'TaskOpinions1764500200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE task_opinions (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id          uuid NOT NULL UNIQUE REFERENCES tasks (id) ON DELETE CASCADE,
        instance_id      uuid NOT NULL REFERENCES process_instances (id) ON DELETE CASCADE,
        business_key     text,
        element_id       text NOT NULL,
        step_name        text NOT NULL,
        outcome          text,
        author_username  text NOT NULL,
        author_name      text NOT NULL,
        author_unit_code text NOT NULL,
        author_unit_name text NOT NULL,
        text             text NOT NULL DEFAULT '',
        attachments      jsonb NOT NULL DEFAULT '[]'::jsonb,
        created_at       timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX task_opinions_business_key_idx ON task_opinions (business_key, created_at DESC)`);
    await db.query(`CREATE INDEX task_opinions_instance_idx ON task_opinions (instance_id, created_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS task_opinions`);
  }
}
