import { AppError, type AuthUser } from '../../../common/src';

/**
 * What an administrator may manage in the workflow console and the catalog (issue 15): what
 * is owned by their unit or a unit below it; a province administrator (a root unit) manages
 * everything, including what is owned by "the province" (no owner).
 */
export class AdminReach {
  private readonly codes: ReadonlySet<string>;

  constructor(
    readonly admin: Pick<AuthUser, 'username' | 'unitCode'>,
    codes: readonly string[],
    readonly root: boolean,
  ) {
    this.codes = new Set(codes);
  }

  /** Everything: used when no unit directory is wired (unit tests of the workflow module alone). */
  static everything(admin: Pick<AuthUser, 'username' | 'unitCode'>): AdminReach {
    return new AdminReach(admin, [], true);
  }

  get unitCodes(): string[] {
    return [...this.codes];
  }

  /** May administer what `ownerUnitCode` owns (null: the province). */
  manages(ownerUnitCode: string | null | undefined): boolean {
    return this.root || (ownerUnitCode != null && this.codes.has(ownerUnitCode));
  }

  /** 403 `ADMIN_SCOPE` (the admin console's code) unless {@link manages}. */
  assert(ownerUnitCode: string | null | undefined, what: string): void {
    if (!this.manages(ownerUnitCode)) {
      throw AppError.forbidden(
        'ADMIN_SCOPE',
        `${what} belongs to ${ownerUnitCode ?? 'the province'}, outside the units administered by ${this.admin.username} (${this.admin.unitCode} and below)`,
      );
    }
  }
}
