import { Injectable } from '@nestjs/common';
import type { UnitDirectory } from '../../../common/src';
import { UnitsRepository } from '../repositories/units.repository';
import { UsersRepository } from '../repositories/users.repository';
import { unitNotFound } from './units.service';

/** Resolves `mc:unit` for libs/workflow (provided as `UNIT_DIRECTORY`). */
@Injectable()
export class UnitDirectoryService implements UnitDirectory {
  constructor(
    private readonly units: UnitsRepository,
    private readonly users: UsersRepository,
  ) {}

  /** `receiving` (or none) → the receiving unit; `parent` → its parent; `province` → the root of
   * its tree; anything else must be an existing unit code. Otherwise 400 `UNIT_NOT_FOUND`. */
  async resolve(unitRef: string | undefined, receivingUnitCode: string): Promise<string> {
    const ref = unitRef?.trim() || 'receiving';
    if (ref === 'receiving' || ref === 'parent') {
      const receiving = await this.units.findByCode(receivingUnitCode);
      if (!receiving) throw unitNotFound(receivingUnitCode);
      if (ref === 'receiving') return receiving.code;
      if (!receiving.parentCode) throw unitNotFound(`parent of ${receivingUnitCode}`);
      return receiving.parentCode;
    }
    if (ref === 'province') {
      const root = await this.units.rootCode(receivingUnitCode);
      if (!root) throw unitNotFound(receivingUnitCode);
      return root;
    }
    const unit = await this.units.findByCode(ref);
    if (!unit) throw unitNotFound(ref);
    return unit.code;
  }

  /** Active users of the unit holding the role (a `specialist:land` counts as `specialist`). */
  usersWithRole(unitCode: string, role: string): Promise<{ id: string; username: string }[]> {
    return this.users.withRole(unitCode, role);
  }

  async administered(unitCode: string): Promise<{ codes: string[]; root: boolean }> {
    const [codes, root] = await Promise.all([this.units.subtreeCodes(unitCode), this.units.rootCode(unitCode)]);
    return { codes, root: root === unitCode };
  }

  async unitOfUser(username: string): Promise<string | undefined> {
    return (await this.users.findByUsername(username))?.unitCode;
  }

  async unknown(unitCodes: readonly string[]): Promise<string[]> {
    const found = await Promise.all(unitCodes.map(async (code) => [code, await this.units.findByCode(code)] as const));
    return found.filter(([, unit]) => !unit).map(([code]) => code);
  }

  officers(unitCode: string): Promise<{ id: string; username: string; fullName: string; roles: string[] }[]> {
    return this.users.activeOfUnit(unitCode);
  }

  async unitName(unitCode: string): Promise<string | undefined> {
    return (await this.units.findByCode(unitCode))?.name;
  }
}
