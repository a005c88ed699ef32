import { Inject, Injectable, Optional } from '@nestjs/common';
import { UNIT_DIRECTORY, type UnitDirectory } from '../../../common/src';

/** Roles tried when a task has no candidate groups (any officer of the unit may take it). */
const STAFF_ROLES = ['reception', 'specialist', 'head', 'leader'];

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
}
