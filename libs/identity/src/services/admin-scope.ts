import { AppError, type AuthUser } from '../../../common/src';

/** The administrator acting, with the address the request came from (for the audit trail). */
export type AdminActor = AuthUser & { ip?: string };

/**
 * What an administrator may manage: their own unit and its descendants. A province-level
 * administrator's unit is the root, so their scope is everything. One helper, so every
 * admin endpoint checks the same way (403 `ADMIN_SCOPE`).
 */
export class AdminScope {
  private readonly codes: ReadonlySet<string>;

  constructor(
    readonly admin: AuthUser,
    subtreeCodes: readonly string[],
  ) {
    this.codes = new Set(subtreeCodes);
  }

  get unitCodes(): string[] {
    return [...this.codes];
  }

  includes(unitCode: string): boolean {
    return this.codes.has(unitCode);
  }

  /** Strictly below the administrator's own unit (what they may move or deactivate). */
  includesBelow(unitCode: string): boolean {
    return unitCode !== this.admin.unitCode && this.codes.has(unitCode);
  }

  assert(unitCode: string, what = `unit ${unitCode}`): void {
    if (!this.includes(unitCode)) throw outOfScope(this.admin, what);
  }

  assertBelow(unitCode: string, what = `unit ${unitCode}`): void {
    if (!this.includesBelow(unitCode)) throw outOfScope(this.admin, what);
  }
}

function outOfScope(admin: AuthUser, what: string): AppError {
  return AppError.forbidden(
    'ADMIN_SCOPE',
    `${what} is outside the units administered by ${admin.username} (${admin.unitCode} and below)`,
  );
}
