import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inbox's search on the open step itself (issue 19, "Must show": an accent-insensitive applicant search
 * at province size, p95 ≤ 30 ms; ADR 0032). Until now the folded applicant text lived on the dossier only, so
 * "Nguyen Van" (one applicant in twelve) read every matching dossier, went to its steps and sorted them: the
 * trigram match and the inbox's order and limit could not use one index.
 *
 * `tasks.search_text` is what the inbox searches of an open step: its dossier's folded text (code, applicant
 * name, ID number: `dossiers.search_text`), or the folded business key of a process without a dossier. It is
 * kept in the writing transaction by two triggers, whichever row comes first:
 * - a step inserted open takes the text of its instance's dossier (`tasks_search_text_fill`);
 * - a dossier inserted, or whose applicant changes, writes its text on its instances' open steps
 *   (`dossiers_search_text_push`).
 * The SQL names `dossiers` only here, as the database's own bookkeeping (libs/workflow's code never reads it;
 * libs/dossiers gives the inbox its columns through the InboxSubjects port). A step once closed keeps its
 * text; the inbox's search of closed steps still goes through the dossiers (`InboxSubjects.searchSql`).
 *
 * Indexes: the inbox's ordered index gains the text as an included column, so a common term is an
 * index-only walk in the page's order that stops after the page (and after 1,001 matches for the count);
 * a rare term (a full name, an ID number) is found by a trigram GIN index on the open steps' text.
 * About 3 minutes for a province's 1,000,000 open steps here (the backfill rewrites them once); on a live
 * province build the two indexes `CONCURRENTLY` first under the same names (docs/operations.md, "Upgrades").
 */
export class InboxTaskSearch1764601610000 implements MigrationInterface {
  name = 'InboxTaskSearch1764601610000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE tasks ADD COLUMN IF NOT EXISTS search_text text`);
    // Finer statistics: the planner's estimate of a term's matches picks the ordered walk or the trigram index.
    await db.query(`ALTER TABLE tasks ALTER COLUMN search_text SET STATISTICS 1000`);
    await db.query(`
      CREATE OR REPLACE FUNCTION tasks_search_text_fill() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT coalesce(d.search_text, public.vn_fold(i.business_key)) INTO NEW.search_text
          FROM process_instances i LEFT JOIN dossiers d ON d.code = i.business_key
         WHERE i.id = NEW.instance_id;
        RETURN NEW;
      END $$`);
    await db.query(`DROP TRIGGER IF EXISTS tasks_search_text_fill ON tasks`);
    await db.query(`CREATE TRIGGER tasks_search_text_fill BEFORE INSERT ON tasks
      FOR EACH ROW WHEN (NEW.status = 'open' AND NEW.search_text IS NULL) EXECUTE FUNCTION tasks_search_text_fill()`);
    await db.query(`
      CREATE OR REPLACE FUNCTION dossiers_search_text_push() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE tasks t SET search_text = NEW.search_text
         WHERE t.status = 'open' AND t.search_text IS DISTINCT FROM NEW.search_text
           AND t.instance_id IN (SELECT i.id FROM process_instances i WHERE i.business_key = NEW.code);
        RETURN NULL;
      END $$`);
    await db.query(`DROP TRIGGER IF EXISTS dossiers_search_text_push ON dossiers`);
    await db.query(`CREATE TRIGGER dossiers_search_text_push AFTER INSERT ON dossiers
      FOR EACH ROW EXECUTE FUNCTION dossiers_search_text_push()`);
    await db.query(`DROP TRIGGER IF EXISTS dossiers_search_text_change ON dossiers`);
    await db.query(`CREATE TRIGGER dossiers_search_text_change AFTER UPDATE OF applicant, code ON dossiers
      FOR EACH ROW WHEN (OLD.search_text IS DISTINCT FROM NEW.search_text) EXECUTE FUNCTION dossiers_search_text_push()`);
    // The open steps there are now (closed ones are searched through their dossiers).
    await db.query(`UPDATE tasks t SET search_text = coalesce(d.search_text, public.vn_fold(i.business_key))
      FROM process_instances i LEFT JOIN dossiers d ON d.code = i.business_key
      WHERE t.status = 'open' AND i.id = t.instance_id`);
    await db.query(`DROP INDEX IF EXISTS tasks_open_inbox_idx`);
    await db.query(`CREATE INDEX tasks_open_inbox_idx ON tasks (unit_code, due_at, created_at, id)
      INCLUDE (candidate_groups, assignee, overdue_at, instance_id, search_text) WHERE status = 'open'`);
    await db.query(`CREATE INDEX IF NOT EXISTS tasks_open_search_idx ON tasks
      USING gin (search_text public.gin_trgm_ops) WHERE status = 'open'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS tasks_open_search_idx`);
    await db.query(`DROP INDEX IF EXISTS tasks_open_inbox_idx`);
    await db.query(`CREATE INDEX tasks_open_inbox_idx ON tasks (unit_code, due_at, created_at, id)
      INCLUDE (candidate_groups, assignee, overdue_at, instance_id) WHERE status = 'open'`);
    await db.query(`DROP TRIGGER IF EXISTS dossiers_search_text_change ON dossiers`);
    await db.query(`DROP TRIGGER IF EXISTS dossiers_search_text_push ON dossiers`);
    await db.query(`DROP TRIGGER IF EXISTS tasks_search_text_fill ON tasks`);
    await db.query(`DROP FUNCTION IF EXISTS dossiers_search_text_push()`);
    await db.query(`DROP FUNCTION IF EXISTS tasks_search_text_fill()`);
    await db.query(`ALTER TABLE tasks DROP COLUMN IF EXISTS search_text`);
  }
}
