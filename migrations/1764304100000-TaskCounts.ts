import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Kept counts of open steps for the inbox's `total` (ADR 0006). Counting a district's 30,000 open
 * steps on every inbox page cost half the page at province size (bench/RESULTS.md, "At province
 * size"); the numbers are now kept per unit, candidate groups and assignee, the grain the inbox
 * filters on (a user sees a unit's steps whose groups overlap their roles; "mine", "unassigned").
 *
 * - `task_count_changes`: a trigger on `tasks` appends one row of +1/−1 per open step that appears,
 *   disappears or changes what is counted, in the transaction that changed the step. Appending takes
 *   no lock, so concurrent commands never wait on each other for a counter (one counter row per
 *   unit would serialise a unit's commands and deadlock two that touch two groups in opposite order).
 * - `task_counts`: the folded totals. A worker moves the changes into it now and then
 *   (`TaskCountsFolder`); a reader adds both, so a count is exact in every snapshot.
 * Columns: open steps, and of them those flagged overdue (`overdue_at` set by the deadline job).
 * Steps past due but not yet flagged are counted at read time from `tasks_open_unflagged_idx`,
 * normally a handful (the job's lag).
 */
export class TaskCounts1764304100000 implements MigrationInterface {
  name = 'TaskCounts1764304100000';

  async up(db: QueryRunner): Promise<void> {
    // `assignee` is '' for a step nobody holds (a key column cannot be NULL).
    const columns = `
        unit_code        text NOT NULL,
        candidate_groups text[] NOT NULL,
        assignee         text NOT NULL,
        open             integer NOT NULL,
        overdue          integer NOT NULL`;
    await db.query(`CREATE TABLE task_counts (${columns}, PRIMARY KEY (unit_code, candidate_groups, assignee))`);
    await db.query(`CREATE TABLE task_count_changes (${columns})`);
    await db.query(`CREATE INDEX task_count_changes_unit_code_idx ON task_count_changes (unit_code)`);
    await db.query(`CREATE INDEX IF NOT EXISTS tasks_open_unflagged_idx ON tasks (unit_code, due_at)
      INCLUDE (candidate_groups, assignee) WHERE status = 'open' AND overdue_at IS NULL AND due_at IS NOT NULL`);

    await db.query(`
      CREATE FUNCTION tasks_count_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' AND OLD.status = 'open' THEN
          INSERT INTO task_count_changes
          VALUES (OLD.unit_code, OLD.candidate_groups, coalesce(OLD.assignee, ''), -1, -(OLD.overdue_at IS NOT NULL)::int);
        END IF;
        IF TG_OP <> 'DELETE' AND NEW.status = 'open' THEN
          INSERT INTO task_count_changes
          VALUES (NEW.unit_code, NEW.candidate_groups, coalesce(NEW.assignee, ''), 1, (NEW.overdue_at IS NOT NULL)::int);
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER tasks_count_insert AFTER INSERT ON tasks
      FOR EACH ROW WHEN (NEW.status = 'open') EXECUTE FUNCTION tasks_count_change()`);
    await db.query(`CREATE TRIGGER tasks_count_delete AFTER DELETE ON tasks
      FOR EACH ROW WHEN (OLD.status = 'open') EXECUTE FUNCTION tasks_count_change()`);
    // Only changes to what is counted: a claim counts, a rename or a due-time move does not.
    await db.query(`CREATE TRIGGER tasks_count_update AFTER UPDATE ON tasks
      FOR EACH ROW WHEN ((OLD.status = 'open' OR NEW.status = 'open') AND (
        OLD.status IS DISTINCT FROM NEW.status OR OLD.unit_code IS DISTINCT FROM NEW.unit_code
        OR OLD.candidate_groups IS DISTINCT FROM NEW.candidate_groups
        OR OLD.assignee IS DISTINCT FROM NEW.assignee OR (OLD.overdue_at IS NULL) <> (NEW.overdue_at IS NULL)))
      EXECUTE FUNCTION tasks_count_change()`);
    await db.query(`
      CREATE FUNCTION tasks_count_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        TRUNCATE task_counts, task_count_changes;
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER tasks_count_truncate AFTER TRUNCATE ON tasks
      FOR EACH STATEMENT EXECUTE FUNCTION tasks_count_truncate()`);

    // The steps open when the migration runs (on a live province, a few seconds per million).
    await db.query(`
      INSERT INTO task_counts
      SELECT unit_code, candidate_groups, coalesce(assignee, ''), count(*), count(*) FILTER (WHERE overdue_at IS NOT NULL)
      FROM tasks WHERE status = 'open' GROUP BY 1, 2, 3`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER IF EXISTS tasks_count_truncate ON tasks`);
    await db.query(`DROP TRIGGER IF EXISTS tasks_count_update ON tasks`);
    await db.query(`DROP TRIGGER IF EXISTS tasks_count_delete ON tasks`);
    await db.query(`DROP TRIGGER IF EXISTS tasks_count_insert ON tasks`);
    await db.query(`DROP FUNCTION IF EXISTS tasks_count_truncate()`);
    await db.query(`DROP FUNCTION IF EXISTS tasks_count_change()`);
    await db.query(`DROP INDEX IF EXISTS tasks_open_unflagged_idx`);
    await db.query(`DROP TABLE IF EXISTS task_count_changes`);
    await db.query(`DROP TABLE IF EXISTS task_counts`);
  }
}
