import { Injectable } from '@nestjs/common';
import { AppError } from '../../../common/src';
import type { UnitKind } from '../identity.types';
import type { UnitView } from '../identity.types';
import { UnitAdminRepository } from '../repositories/unit-admin.repository';
import { UnitsRepository } from '../repositories/units.repository';
import { AdminScope, type AdminActor } from './admin-scope';
import { AuditLogService } from './audit-log.service';
import { unitNotFound } from './units.service';

/** National identifier code of an agency (QĐ 20/2020/QĐ-TTg): `000.00.20.H15`. */
export const UNIT_CODE_PATTERN = /^\d{3}\.\d{2}\.\d{2}\.H\d{2}$/;

export interface UnitNode extends UnitView {
  users: number;
  children: UnitNode[];
}

function snapshot(unit: UnitView) {
  return { name: unit.name, kind: unit.kind, parentCode: unit.parentCode, active: unit.active, address: unit.address };
}

/** Units for administrators: create, edit, move, (de)activate — never delete (dossiers keep their unit). */
@Injectable()
export class UnitAdminService {
  constructor(
    private readonly units: UnitsRepository,
    private readonly admin: UnitAdminRepository,
    private readonly audit: AuditLogService,
  ) {}

  async scopeOf(user: AdminActor): Promise<AdminScope> {
    return new AdminScope(user, await this.units.subtreeCodes(user.unitCode));
  }

  /** The administrator's subtree as nested nodes, with the number of active accounts of each unit. */
  async tree(user: AdminActor): Promise<UnitNode[]> {
    const scope = await this.scopeOf(user);
    const counts = await this.admin.userCounts();
    const nodes = new Map<string, UnitNode>();
    const roots: UnitNode[] = [];
    for (const unit of await this.units.listTree()) {
      if (!scope.includes(unit.code)) continue;
      const node: UnitNode = { ...unit, users: counts.get(unit.code) ?? 0, children: [] };
      nodes.set(unit.code, node);
      const parent = unit.parentCode ? nodes.get(unit.parentCode) : undefined;
      (parent ? parent.children : roots).push(node);
    }
    return roots;
  }

  /** 400 `UNIT_CODE_INVALID` / `UNIT_NOT_FOUND`, 403 `ADMIN_SCOPE`, 409 `UNIT_CODE_TAKEN`. */
  async create(
    user: AdminActor,
    input: { code: string; name: string; kind: UnitKind; parentCode: string },
  ): Promise<UnitView> {
    const code = input.code.trim().toUpperCase();
    if (!UNIT_CODE_PATTERN.test(code)) {
      throw AppError.badRequest(
        'UNIT_CODE_INVALID',
        `Unit code ${input.code} is not in the national format NNN.NN.NN.Hxx (e.g. 000.21.20.H15)`,
      );
    }
    const parent = await this.getUnit(input.parentCode);
    (await this.scopeOf(user)).assert(parent.code);
    const inserted = await this.units.insert({
      code,
      name: input.name.trim(),
      kind: input.kind,
      parentCode: parent.code,
    });
    if (!inserted) throw AppError.conflict('UNIT_CODE_TAKEN', `Unit code ${code} is already used`);
    const created = await this.getUnit(code);
    await this.audit.record({
      actor: user.username,
      ip: user.ip,
      action: 'admin.unit.created',
      subject: `unit:${code}`,
      data: { after: snapshot(created) },
    });
    return created;
  }

  async update(
    user: AdminActor,
    code: string,
    change: { name?: string; kind?: UnitKind; address?: string | null },
  ): Promise<UnitView> {
    const before = await this.getUnit(code);
    (await this.scopeOf(user)).assert(code);
    await this.admin.transaction((manager) =>
      this.admin.update(
        code,
        {
          name: change.name?.trim(),
          kind: change.kind,
          // An empty address clears it; absent leaves it as it is.
          address: change.address === undefined ? undefined : change.address?.trim() || null,
        },
        manager,
      ),
    );
    return this.recorded(user, 'admin.unit.updated', before);
  }

  /** 400 `UNIT_MOVE_CYCLE` under itself or a descendant; both ends must be in scope (403 `ADMIN_SCOPE`). */
  async move(user: AdminActor, code: string, parentCode: string): Promise<UnitView> {
    const before = await this.getUnit(code);
    const parent = await this.getUnit(parentCode);
    const scope = await this.scopeOf(user);
    scope.assertBelow(code);
    scope.assert(parent.code, `new parent ${parent.code}`);
    await this.admin.transaction(async (manager) => {
      // Checked under the tree lock: the subtree cannot change between the check and the write.
      if ((await this.units.subtreeCodes(code, manager)).includes(parent.code)) {
        throw AppError.badRequest(
          'UNIT_MOVE_CYCLE',
          `Unit ${code} cannot move under itself or its own descendant ${parent.code}`,
        );
      }
      await this.admin.setParent(code, parent.code, manager);
    });
    return this.recorded(user, 'admin.unit.moved', before);
  }

  /** Units are never deleted: dossiers and accounts keep pointing at them. 409 `UNIT_HAS_ACTIVE_CHILDREN`. */
  async setActive(user: AdminActor, code: string, active: boolean): Promise<UnitView> {
    const before = await this.getUnit(code);
    (await this.scopeOf(user)).assertBelow(code);
    await this.admin.transaction(async (manager) => {
      const children = active ? [] : await this.admin.activeChildren(code, manager);
      if (children.length) {
        throw AppError.conflict(
          'UNIT_HAS_ACTIVE_CHILDREN',
          `Deactivate the units under ${code} first: ${children.join(', ')}`,
          { children },
        );
      }
      await this.admin.setActive(code, active, manager);
    });
    return this.recorded(user, active ? 'admin.unit.reactivated' : 'admin.unit.deactivated', before);
  }

  private async getUnit(code: string): Promise<UnitView> {
    const unit = await this.units.findByCode(code);
    if (!unit) throw unitNotFound(code);
    return unit;
  }

  private async recorded(user: AdminActor, action: string, before: UnitView): Promise<UnitView> {
    const after = await this.getUnit(before.code);
    await this.audit.record({
      actor: user.username,
      ip: user.ip,
      action,
      subject: `unit:${before.code}`,
      data: { before: snapshot(before), after: snapshot(after) },
    });
    return after;
  }
}
