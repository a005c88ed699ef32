import { Inject, Injectable, Optional } from '@nestjs/common';
import { AppError, CLOCK, systemClock, type Clock } from '../../../common/src';
import { isValidRole, USERNAME_PATTERN, type UserProfile } from '../identity.types';
import { UserAdminRepository } from '../repositories/user-admin.repository';
import { UsersRepository, type UserRecord } from '../repositories/users.repository';
import { PasswordHasher } from './password-hasher.service';
import { unitNotFound } from './units.service';

export interface NewUser {
  username: string;
  fullName: string;
  unitCode: string;
  roles: string[];
  password: string;
  mustChangePassword?: boolean;
}

/** Strips what must not leave libs/identity (hash, counters). */
export function toProfile(user: UserRecord): UserProfile {
  const { id, username, fullName, unitId, unitCode, unitName, roles, active, mustChangePassword } = user;
  return { id, username, fullName, unitId, unitCode, unitName, roles, active, mustChangePassword };
}

/** Accounts, for other modules (delegation, assignees) and administration. */
@Injectable()
export class UsersService {
  private readonly clock: Clock;

  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly accounts: UserAdminRepository,
    @Optional() @Inject(CLOCK) clock?: Clock,
  ) {
    this.clock = clock ?? systemClock;
  }

  async findById(id: string): Promise<UserProfile | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const user = await this.users.findById(id);
    return user && toProfile(user);
  }

  async findByUsername(username: string): Promise<UserProfile | undefined> {
    const user = await this.users.findByUsername(username.trim().toLowerCase());
    return user && toProfile(user);
  }

  /** Creates an account: 400 `USERNAME_INVALID` / `ROLE_INVALID` / `UNIT_NOT_FOUND`, 409 `USERNAME_TAKEN`. */
  async create(input: NewUser): Promise<UserProfile> {
    const username = input.username.trim().toLowerCase();
    if (!USERNAME_PATTERN.test(username))
      throw AppError.badRequest('USERNAME_INVALID', `Username ${input.username} is not allowed`);
    const badRole = input.roles.find((role) => !isValidRole(role));
    if (badRole !== undefined) throw AppError.badRequest('ROLE_INVALID', `Role ${badRole} is not known`);
    const passwordHash = await this.hasher.hash(input.password);
    const row = {
      username,
      fullName: input.fullName,
      passwordHash,
      unitCode: input.unitCode,
      roles: input.roles,
      mustChangePassword: input.mustChangePassword ?? false,
    };
    const id = await this.users.insert(row);
    const created = id ? await this.users.findById(id) : undefined;
    if (created) return toProfile(created);
    if (await this.users.findByUsername(username))
      throw AppError.conflict('USERNAME_TAKEN', `Username ${username} is taken`);
    throw unitNotFound(input.unitCode);
  }

  /**
   * Deactivating an account also stops its tokens from working (the guard reloads the user) and
   * puts its claimed open tasks back in their groups, in the same transaction (nothing stuck).
   */
  async setActive(id: string, active: boolean, actor: string | null = null): Promise<void> {
    const user = await this.findById(id);
    if (!user) throw AppError.notFound('USER_NOT_FOUND', `User ${id} does not exist`);
    if (active) await this.users.setActive(id, true, this.clock.now());
    else await this.accounts.deactivateReleasingTasks(id, user.username, actor, this.clock.now());
  }
}
