import { Inject, Injectable, Optional } from '@nestjs/common';
import { AppError, CLOCK, systemClock, type Clock } from '../../../common/src';
import { isValidRole } from '../identity.types';
import { assertStrongPassword } from '../policy/password.policy';
import { generateTemporaryPassword } from '../policy/temporary-password';
import { UserAdminRepository, type AccountFilter, type AccountRow } from '../repositories/user-admin.repository';
import { UnitsRepository } from '../repositories/units.repository';
import type { AdminActor, AdminScope } from './admin-scope';
import { AuditLogService } from './audit-log.service';
import { LoginThrottle } from './login-throttle.service';
import { PasswordHasher } from './password-hasher.service';
import { UnitAdminService } from './unit-admin.service';
import { unitNotFound } from './units.service';
import { UsersService } from './users.service';

export interface AccountInput {
  username: string;
  fullName: string;
  unitCode: string;
  roles: string[];
  /** Policy-checked when given; generated (and returned once) when not. */
  password?: string;
}

/** What the audit trail keeps of an account: never the hash. */
function snapshot(account: AccountRow) {
  return { fullName: account.fullName, unitCode: account.unitCode, roles: account.roles, active: account.active };
}

function normalizedRoles(roles: string[]): string[] {
  const unique = [...new Set(roles.map((role) => role.trim()))];
  const bad = unique.find((role) => !isValidRole(role));
  if (bad !== undefined) {
    throw AppError.badRequest(
      'ROLE_INVALID',
      `Role ${bad} is not one of admin, reception, specialist, specialist:<field>, head, leader`,
    );
  }
  return unique;
}

/** Accounts for administrators, each change audited with before/after; 403 `ADMIN_SCOPE` outside the subtree. */
@Injectable()
export class UserAdminService {
  private readonly clock: Clock;

  constructor(
    private readonly accounts: UserAdminRepository,
    private readonly units: UnitsRepository,
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly unitAdmin: UnitAdminService,
    private readonly audit: AuditLogService,
    private readonly throttle: LoginThrottle,
    @Optional() @Inject(CLOCK) clock?: Clock,
  ) {
    this.clock = clock ?? systemClock;
  }

  /** Accounts of a unit (and, by default, its subtree) within the administrator's scope. */
  async list(admin: AdminActor, query: Omit<AccountFilter, 'unitCodes'> & { unitCode?: string; subtree?: boolean }) {
    const scope = await this.unitAdmin.scopeOf(admin);
    let unitCodes = scope.unitCodes;
    if (query.unitCode) {
      scope.assert(query.unitCode);
      unitCodes = query.subtree === false ? [query.unitCode] : await this.units.subtreeCodes(query.unitCode);
    }
    return this.accounts.find({ ...query, unitCodes });
  }

  async get(admin: AdminActor, username: string): Promise<AccountRow> {
    return this.inScope(await this.unitAdmin.scopeOf(admin), username);
  }

  /** 400 `ROLE_INVALID` / `USERNAME_INVALID` / `UNIT_NOT_FOUND` / `PASSWORD_WEAK`, 403 `ADMIN_SCOPE`, 409 `USERNAME_TAKEN`. */
  async create(admin: AdminActor, input: AccountInput): Promise<{ account: AccountRow; temporaryPassword?: string }> {
    const roles = normalizedRoles(input.roles);
    await this.assertAssignable(admin, input.unitCode);
    const username = input.username.trim().toLowerCase();
    if (input.password !== undefined) assertStrongPassword(input.password, username);
    const password = input.password ?? generateTemporaryPassword();
    const created = await this.users.create({
      username,
      fullName: input.fullName.trim(),
      unitCode: input.unitCode,
      roles,
      password,
      mustChangePassword: true,
    });
    const account = (await this.accounts.findByUsername(created.username))!;
    await this.audit.record({
      actor: admin.username,
      ip: admin.ip,
      action: 'admin.user.created',
      subject: `user:${username}`,
      data: { after: snapshot(account), passwordGiven: input.password !== undefined },
    });
    return { account, temporaryPassword: input.password === undefined ? password : undefined };
  }

  /** Full name, unit (a move between units of the scope) and roles. */
  async update(
    admin: AdminActor,
    username: string,
    change: { fullName?: string; unitCode?: string; roles?: string[] },
  ): Promise<AccountRow> {
    const scope = await this.unitAdmin.scopeOf(admin);
    const before = await this.inScope(scope, username);
    const roles = change.roles ? normalizedRoles(change.roles) : before.roles;
    const unitCode = change.unitCode ?? before.unitCode;
    if (unitCode !== before.unitCode) await this.assertAssignable(admin, unitCode, scope);
    if (admin.username === before.username && (unitCode !== before.unitCode || !roles.includes('admin'))) {
      throw AppError.badRequest(
        'ADMIN_SELF_CHANGE',
        'Administrators cannot move themselves or drop their own admin role: ask another administrator',
      );
    }
    // Claimed tasks stay with the unit: moving the officer gives them back to the old unit's group.
    const fullName = change.fullName?.trim() ?? before.fullName;
    let releasedTaskIds: string[] = [];
    if (unitCode === before.unitCode)
      await this.accounts.updateProfile(before.id, { fullName, roles }, this.clock.now());
    else
      releasedTaskIds = await this.accounts.moveReleasingTasks(
        before.id,
        before.username,
        { fullName, unitCode, roles },
        admin.username,
        this.clock.now(),
      );
    return this.recorded(admin, 'admin.user.updated', before, releasedTaskIds.length ? { releasedTaskIds } : {});
  }

  /** Deactivation releases the account's claimed tasks to their groups in the same transaction. */
  async deactivate(admin: AdminActor, username: string): Promise<{ account: AccountRow; releasedTaskIds: string[] }> {
    const before = await this.inScope(await this.unitAdmin.scopeOf(admin), username);
    if (before.username === admin.username)
      throw AppError.badRequest('ADMIN_SELF_CHANGE', 'Administrators cannot deactivate their own account');
    const releasedTaskIds = await this.accounts.deactivateReleasingTasks(
      before.id,
      before.username,
      admin.username,
      this.clock.now(),
    );
    return {
      account: await this.recorded(admin, 'admin.user.deactivated', before, { releasedTaskIds }),
      releasedTaskIds,
    };
  }

  async reactivate(admin: AdminActor, username: string): Promise<AccountRow> {
    const before = await this.inScope(await this.unitAdmin.scopeOf(admin), username);
    await this.accounts.reactivate(before.id, this.clock.now());
    return this.recorded(admin, 'admin.user.reactivated', before);
  }

  /**
   * A generated temporary password, returned once; the user must change it at next login. Ends
   * the account's tokens and, like an unlock, lifts the login waits of its username.
   */
  async resetPassword(
    admin: AdminActor,
    username: string,
  ): Promise<{ account: AccountRow; temporaryPassword: string }> {
    const before = await this.inScope(await this.unitAdmin.scopeOf(admin), username);
    const temporaryPassword = generateTemporaryPassword();
    await this.accounts.setTemporaryPassword(before.id, await this.hasher.hash(temporaryPassword), this.clock.now());
    await this.throttle.unlock(before.username);
    return { account: await this.recorded(admin, 'admin.user.password_reset', before), temporaryPassword };
  }

  /**
   * Lifts the login waits of the username from every address (the officer may sign in at once)
   * and zeroes its failure count. Address-wide limits stay: they slow the address, not the account.
   */
  async unlock(admin: AdminActor, username: string): Promise<AccountRow> {
    const before = await this.inScope(await this.unitAdmin.scopeOf(admin), username);
    await this.throttle.unlock(before.username);
    await this.accounts.unlock(before.id, this.clock.now());
    return this.recorded(admin, 'admin.user.unlocked', before, {
      lockedUntil: before.lockedUntil?.toISOString() ?? null,
      failedLogins: before.failedLogins,
    });
  }

  /**
   * Accounts may only be placed in units of the scope — which also means an administrator can
   * never grant `admin` (or anything) in a unit above their own.
   */
  private async assertAssignable(admin: AdminActor, unitCode: string, scope?: AdminScope): Promise<void> {
    if (!(await this.units.findByCode(unitCode))) throw unitNotFound(unitCode);
    (scope ?? (await this.unitAdmin.scopeOf(admin))).assert(unitCode);
  }

  private async inScope(scope: AdminScope, username: string): Promise<AccountRow> {
    const account = await this.accounts.findByUsername(username.trim().toLowerCase());
    if (!account) throw AppError.notFound('USER_NOT_FOUND', `User ${username} does not exist`);
    scope.assert(account.unitCode, `account ${account.username}`);
    return account;
  }

  private async recorded(
    admin: AdminActor,
    action: string,
    before: AccountRow,
    extra: Record<string, unknown> = {},
  ): Promise<AccountRow> {
    const after = (await this.accounts.findByUsername(before.username))!;
    await this.audit.record({
      actor: admin.username,
      ip: admin.ip,
      action,
      subject: `user:${before.username}`,
      data: { before: snapshot(before), after: snapshot(after), ...extra },
    });
    return after;
  }
}
