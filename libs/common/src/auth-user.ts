/** The authenticated caller, as guards put it on the request. */
export interface AuthUser {
  id: string;
  username: string;
  fullName: string;
  unitId: string;
  unitCode: string;
  /** Roles inside the user's unit: `admin`, `reception`, `specialist`, `specialist:land`, `head`, `leader`. */
  roles: string[];
}

/** True when a user holding `roles` may act on a task offered to `candidateGroups`.
 * `specialist:land` satisfies a `specialist` group (a land specialist is a specialist), not the reverse.
 * A task with no candidate groups is open to every role of its unit. */
export function rolesMatchGroups(roles: readonly string[], candidateGroups: readonly string[]): boolean {
  if (candidateGroups.length === 0) return true;
  return candidateGroups.some((group) => roles.some((role) => role === group || role.startsWith(`${group}:`)));
}
