import { Inject, Injectable, Optional } from '@nestjs/common';
import { rolesMatchGroups, UNIT_DIRECTORY, type UnitDirectory } from '../../../common/src';

/** Roles tried when a task has no candidate groups (any officer of the unit may take it). */
const STAFF_ROLES = ['reception', 'specialist', 'head', 'leader'];

/** An officer of the task's unit holding these roles may be handed a step offered to `candidateGroups` (as `find`). */
export function mayBeHanded(roles: readonly string[], candidateGroups: readonly string[]): boolean {
  return rolesMatchGroups(roles, candidateGroups.length ? candidateGroups : STAFF_ROLES);
}

/** One officer a head may hand steps to, and how many of the chosen steps fit their roles. */
export interface AssignableOfficer {
  id: string;
  username: string;
  fullName: string;
  roles: string[];
  fits: number;
}

/**
 * Finds the user a task may be delegated to: a member of the task's unit holding a role that
 * satisfies the task's groups, by id or username. Goes through identity's UnitDirectory only.
 */
@Injectable()
export class DelegateTargetFinder {
  constructor(@Optional() @Inject(UNIT_DIRECTORY) private readonly directory?: UnitDirectory) {}

  async find(
    unitCode: string,
    candidateGroups: readonly string[],
    idOrUsername: string,
  ): Promise<{ id: string; username: string } | null> {
    if (!this.directory) return null;
    const groups = candidateGroups.length ? candidateGroups : STAFF_ROLES;
    for (const group of groups) {
      const users = await this.directory.usersWithRole(unitCode, group);
      const found = users.find((user) => user.id === idOrUsername || user.username === idOrUsername);
      if (found) return found;
    }
    return null;
  }

  /**
   * The unit's active officers who may take at least one of `steps` (each a step's candidate groups), with
   * how many they fit; those who fit the most first. Empty without a directory or without steps.
   */
  async assignable(unitCode: string, steps: readonly (readonly string[])[]): Promise<AssignableOfficer[]> {
    if (!this.directory?.officers || steps.length === 0) return [];
    const officers = await this.directory.officers(unitCode);
    return officers
      .map((officer) => ({ ...officer, fits: steps.filter((groups) => mayBeHanded(officer.roles, groups)).length }))
      .filter((officer) => officer.fits > 0)
      .sort((a, b) => b.fits - a.fits);
  }
}
