import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WORKFLOW_CONFIG, type WorkflowConfig } from '../workflow.config';
import { taskVisibleSql } from './role-groups';

/**
 * The inbox's kept counts (migration TaskCounts, ADR 0006): `task_counts` holds folded totals per
 * unit, candidate groups and assignee, `task_count_changes` the +1/−1 rows the trigger on `tasks` appends.
 */

/** What an inbox count filters on; the kept counts answer the open steps with these filters only. */
export interface KeptCountFilter {
  /** Everyone's steps, nobody's (`unassigned`), or the caller's (`mine`). */
  holder: 'any' | 'nobody' | 'mine';
  overdue: boolean;
}

/**
 * One statement counting the steps a user may see in a unit, from the kept counts: `$1` unit,
 * `$2` the caller's expanded groups, `$3` the caller's username (`mine` only), then now (overdue
 * only). An overdue count adds the steps already past due whose deadline job has not flagged
 * them yet (an index range, normally empty).
 */
export function keptCountSql(filter: KeptCountFilter): string {
  const col = filter.overdue ? 'overdue' : 'open';
  const holder = { any: '', nobody: `AND assignee = ''`, mine: 'AND assignee = $3' }[filter.holder];
  const kept = `(SELECT coalesce(sum(c.${col}), 0) FROM (
      SELECT candidate_groups, ${col} FROM task_counts WHERE unit_code = $1 ${holder}
      UNION ALL SELECT candidate_groups, ${col} FROM task_count_changes WHERE unit_code = $1 ${holder}) c
    WHERE cardinality(c.candidate_groups) = 0 OR c.candidate_groups && $2::text[])`;
  if (!filter.overdue) return `SELECT ${kept}::int AS n`;
  const now = filter.holder === 'mine' ? '$4' : '$3';
  const rowHolder = { any: '', nobody: 'AND t.assignee IS NULL', mine: 'AND t.assignee = $3' }[filter.holder];
  const unflagged = `(SELECT count(*) FROM tasks t WHERE ${taskVisibleSql('$1', '$2::text[]')}
      AND t.status = 'open' AND t.overdue_at IS NULL AND t.due_at < ${now} ${rowHolder})`;
  return `SELECT (${kept} + ${unflagged})::int AS n`;
}

/** Moves the appended changes into the totals; returns how many change rows were folded. */
export const FOLD_TASK_COUNTS_SQL = `
  WITH moved AS (DELETE FROM task_count_changes RETURNING *),
  folded AS (
    INSERT INTO task_counts AS c
    SELECT unit_code, candidate_groups, assignee, sum(open)::int, sum(overdue)::int
    FROM moved GROUP BY unit_code, candidate_groups, assignee
    ON CONFLICT (unit_code, candidate_groups, assignee) DO UPDATE SET open = c.open + EXCLUDED.open, overdue = c.overdue + EXCLUDED.overdue
    RETURNING 1)
  SELECT (SELECT count(*) FROM moved)::int AS n`;

/**
 * Recounts every open step (after a bulk load that bypassed the trigger: bench/data). One
 * transaction with the table locked against changes, so no change is counted twice or lost;
 * `db` is one connection (a pg `Client`), not a pool.
 */
export async function rebuildTaskCounts(db: { query(sql: string): Promise<unknown> }): Promise<void> {
  await db.query(`BEGIN`);
  try {
    await db.query(`LOCK TABLE tasks IN SHARE MODE`);
    await db.query(`DELETE FROM task_count_changes`);
    await db.query(`DELETE FROM task_counts`);
    await db.query(`
      INSERT INTO task_counts
      SELECT unit_code, candidate_groups, coalesce(assignee, ''), count(*), count(*) FILTER (WHERE overdue_at IS NOT NULL)
      FROM tasks WHERE status = 'open' GROUP BY 1, 2, 3`);
    await db.query(`COMMIT`);
  } catch (error) {
    await db.query(`ROLLBACK`);
    throw error;
  }
}

/**
 * Folds the kept counts' changes every `taskCountFoldMs` in processes that run workers. Folding
 * is only about speed (a reader adds the unfolded changes); two processes folding at once is
 * safe: a change row is deleted, and so added to the totals, by one of them.
 */
@Injectable()
export class TaskCountsFolder implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(TaskCountsFolder.name);
  private handle?: NodeJS.Timeout;
  private running = false;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(WORKFLOW_CONFIG) private readonly config: WorkflowConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.runWorkers) return;
    this.handle = setInterval(() => void this.tick(), this.config.taskCountFoldMs);
    this.handle.unref();
  }

  onModuleDestroy(): void {
    if (this.handle) clearInterval(this.handle);
  }

  async foldNow(): Promise<number> {
    const [row] = (await this.dataSource.query(FOLD_TASK_COUNTS_SQL)) as { n: number }[];
    return row.n;
  }

  private async tick(): Promise<void> {
    if (this.running || !this.dataSource.isInitialized) return;
    this.running = true;
    try {
      await this.foldNow();
    } catch (error) {
      this.logger.warn(`folding the inbox counts failed (retried next pass): ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
