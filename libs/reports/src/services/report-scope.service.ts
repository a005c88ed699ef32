import { Injectable } from '@nestjs/common';
import { AppError, type AuthUser } from '../../../common/src';
import { UnitsService } from '../../../identity/src';
import { ReportsRepository } from './reports.repository';

/** Roles that read reports: a leader (or an admin) reads their own unit's subtree. */
export const REPORT_ROLES = ['leader', 'admin'];

/**
 * Where a caller may read reports: the subtree of their own unit, so a leader of the province
 * root reads everything and a commune leader only the commune.
 */
@Injectable()
export class ReportScopeService {
  constructor(
    private readonly units: UnitsService,
    private readonly reports: ReportsRepository,
  ) {}

  /** `{items}`: the units of the caller's subtree, code and name. */
  async unitsOf(user: AuthUser): Promise<{ items: { code: string; name: string }[] }> {
    const { unitCodes } = await this.resolve(user);
    return { items: await this.reports.units(unitCodes) };
  }

  /** The unit codes of `unit` (default: the caller's unit) and below, and its name; 403 `REPORT_SCOPE` outside the caller's subtree. */
  async resolve(user: AuthUser, unit?: string): Promise<{ unitCode: string; unitName: string; unitCodes: string[] }> {
    const allowed = await this.units.subtreeCodes(user.unitCode);
    const unitCode = unit || user.unitCode;
    if (!user.roles.some((role) => REPORT_ROLES.includes(role)) || !allowed.includes(unitCode)) {
      throw AppError.forbidden('REPORT_SCOPE', `Reports of unit ${unitCode} are outside your scope`);
    }
    const unitName = (await this.units.findByCode(unitCode))?.name ?? unitCode;
    return {
      unitCode,
      unitName,
      unitCodes: unitCode === user.unitCode ? allowed : await this.units.subtreeCodes(unitCode),
    };
  }
}
