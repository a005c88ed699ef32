import type { Sql } from '../persistence/sql';

/**
 * The call tree over `process_instances.parent_instance_id` (issue 15: a process calling itself
 * grew by about 110 instances a second, and cancelling the root, one level per job, never
 * caught up with the leaf).
 */

/** How many instances the chain from `instanceId` up to its root holds (1 for a root); stops counting past `cap`. */
export async function callChainLength(sql: Sql, instanceId: string, cap: number): Promise<number> {
  const [row] = await sql.rows<{ length: number }>(
    `WITH RECURSIVE chain AS (
       SELECT parent_instance_id, 1 AS length FROM process_instances WHERE id = $1
       UNION ALL
       SELECT p.parent_instance_id, c.length + 1 FROM process_instances p JOIN chain c ON p.id = c.parent_instance_id WHERE c.length <= $2)
     SELECT max(length)::int AS length FROM chain`,
    [instanceId, cap],
  );
  return row?.length ?? 1;
}

/** Every running (or stuck on an incident) descendant of `instanceId`, deepest first. */
export async function activeDescendants(sql: Sql, instanceId: string): Promise<string[]> {
  const rows = await sql.rows<{ id: string }>(
    `WITH RECURSIVE tree AS (
       SELECT id, 1 AS depth FROM process_instances WHERE parent_instance_id = $1
       UNION ALL
       SELECT c.id, t.depth + 1 FROM process_instances c JOIN tree t ON c.parent_instance_id = t.id WHERE t.depth < 10000)
     SELECT p.id FROM tree JOIN process_instances p ON p.id = tree.id
     WHERE p.status IN ('running', 'incident') ORDER BY tree.depth DESC`,
    [instanceId],
  );
  return rows.map((row) => row.id);
}
