/**
 * SQL form of `rolesMatchGroups` (libs/common): a role satisfies a group when the group is the
 * role or a `:`-prefix of it, so `specialist:land` matches `specialist`. Expanding each role to
 * its prefixes turns the check into an array overlap: `candidate_groups && $expanded`.
 */
export function expandRoles(roles: readonly string[]): string[] {
  const groups = new Set<string>();
  for (const role of roles) {
    const parts = role.split(':');
    for (let i = 1; i <= parts.length; i++) groups.add(parts.slice(0, i).join(':'));
  }
  return [...groups];
}

/** The SQL predicate on table alias `t`, with `$unit` and `$groups` placeholders. */
export function taskVisibleSql(unit: string, groups: string): string {
  return `t.unit_code = ${unit} AND (cardinality(t.candidate_groups) = 0 OR t.candidate_groups && ${groups})`;
}
