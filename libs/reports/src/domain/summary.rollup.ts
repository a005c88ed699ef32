import { addUp, type SummaryLine } from './summary.rules';

/**
 * Lines of a finer grouping summed up into a coarser one: the dashboard counts a period once by
 * unit and procedure, and reads the tables by unit, by procedure and by field from it (a field is
 * a set of procedures, a unit's line the sum of its procedures). `groupOf` names each line's group;
 * the result is sorted by key, as the II.06a table.
 */
export function rollUp(
  lines: readonly SummaryLine[],
  groupOf: (line: SummaryLine) => { key: string; name: string },
): SummaryLine[] {
  const groups = new Map<string, { name: string; lines: SummaryLine[] }>();
  for (const line of lines) {
    const { key, name } = groupOf(line);
    const group = groups.get(key) ?? { name, lines: [] };
    group.lines.push(line);
    groups.set(key, group);
  }
  return [...groups.entries()]
    .map(([key, group]) => ({ key, name: group.name, ...addUp(group.lines) }))
    .sort((a, b) => a.key.localeCompare(b.key));
}
