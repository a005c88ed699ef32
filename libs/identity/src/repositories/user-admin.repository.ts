import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type AccountLeft, CLAIMED_WORK, type ClaimedWorkReleases, foldedContains } from '../../../common/src';

export interface AccountRow {
  id: string;
  username: string;
  fullName: string;
  unitCode: string;
  unitName: string;
  roles: string[];
  active: boolean;
  mustChangePassword: boolean;
  lockedUntil: Date | null;
  failedLogins: number;
  createdAt: Date;
}

export interface AccountFilter {
  unitCodes: string[];
  role?: string;
  active?: boolean;
  /** Part of the username or full name. */
  search?: string;
  limit: number;
  offset: number;
}

const SELECT_ACCOUNT = `
  SELECT u.id, u.username, u.full_name AS "fullName", un.code AS "unitCode", un.name AS "unitName", u.roles,
         u.active, u.must_change_password AS "mustChangePassword", u.locked_until AS "lockedUntil",
         u.failed_logins AS "failedLogins", u.created_at AS "createdAt"
    FROM users u JOIN units un ON un.id = u.unit_id`;

/** SQL for the accounts page: search and the administrator's changes (never the hash in reads). */
@Injectable()
export class UserAdminRepository {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLAIMED_WORK) private readonly claimedWork: ClaimedWorkReleases,
  ) {}

  async find(filter: AccountFilter): Promise<{ items: AccountRow[]; total: number }> {
    const params: unknown[] = [filter.unitCodes];
    const add = (value: unknown) => `$${params.push(value)}`;
    const where = ['un.code = ANY($1::text[])'];
    if (filter.role) {
      const role = add(filter.role);
      where.push(`EXISTS (SELECT 1 FROM unnest(u.roles) r WHERE r = ${role} OR starts_with(r, ${role} || ':'))`);
    }
    if (filter.active !== undefined) where.push(`u.active = ${add(filter.active)}`);
    if (filter.search) {
      // Username or full name, accents ignored ("nguyen" finds "Nguyễn"): users_search_idx.
      where.push(`vn_fold(u.username || ' ' || u.full_name) LIKE ${add(foldedContains(filter.search))}`);
    }
    const clause = `WHERE ${where.join(' AND ')}`;
    const countParams = [...params];
    const items: AccountRow[] = await this.dataSource.query(
      `${SELECT_ACCOUNT} ${clause} ORDER BY un.code, u.username LIMIT ${add(filter.limit)} OFFSET ${add(filter.offset)}`,
      params,
    );
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM users u JOIN units un ON un.id = u.unit_id ${clause}`,
      countParams,
    );
    return { items, total };
  }

  async findByUsername(username: string): Promise<AccountRow | undefined> {
    const rows: AccountRow[] = await this.dataSource.query(`${SELECT_ACCOUNT} WHERE u.username = $1`, [username]);
    return rows[0];
  }

  async updateProfile(id: string, change: { fullName: string; roles: string[] }, now: Date): Promise<void> {
    await this.dataSource.query(`UPDATE users SET full_name = $2, roles = $3::text[], updated_at = $4 WHERE id = $1`, [
      id,
      change.fullName,
      change.roles,
      now,
    ]);
  }

  async reactivate(id: string, now: Date): Promise<void> {
    await this.dataSource.query(`UPDATE users SET active = true, updated_at = $2 WHERE id = $1`, [id, now]);
  }

  /**
   * A temporary password: the counter is cleared, it must be changed at next login, and the
   * account's tokens end (the token version rises).
   */
  async setTemporaryPassword(id: string, passwordHash: string, now: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE users SET password_hash = $2, must_change_password = true, failed_logins = 0, locked_until = NULL,
              token_version = token_version + 1, updated_at = $3
        WHERE id = $1`,
      [id, passwordHash, now],
    );
  }

  async unlock(id: string, now: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE users SET failed_logins = 0, locked_until = NULL, updated_at = $2 WHERE id = $1`,
      [id, now],
    );
  }

  /** Moves the account to another unit; its claimed tasks (of the old unit) go back to their groups. */
  async moveReleasingTasks(
    id: string,
    username: string,
    change: { fullName: string; unitCode: string; roles: string[] },
    actor: string,
    now: Date,
  ): Promise<string[]> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE users SET full_name = $2, unit_id = (SELECT id FROM units WHERE code = $3), roles = $4::text[], updated_at = $5 WHERE id = $1`,
        [id, change.fullName, change.unitCode, change.roles, now],
      );
      return this.releaseTasks(manager, username, actor, 'account_moved', now);
    });
  }

  /** Deactivates the account and, in the same transaction, releases its claimed tasks. */
  async deactivateReleasingTasks(id: string, username: string, actor: string | null, now: Date): Promise<string[]> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE users SET active = false, updated_at = $2 WHERE id = $1`, [id, now]);
      return this.releaseTasks(manager, username, actor, 'account_deactivated', now);
    });
  }

  /**
   * Gives the user's claimed work back (libs/workflow registers the release of claimed open tasks on
   * `CLAIMED_WORK`) in the account change's transaction, so nothing stays held by someone who can no
   * longer see it; returns the released ids. Identity names no table of workflow's (issue 17 item 4).
   */
  private releaseTasks(
    manager: EntityManager,
    username: string,
    actor: string | null,
    reason: AccountLeft['reason'],
    now: Date,
  ): Promise<string[]> {
    return this.claimedWork.release(manager, { username, actor, reason, now });
  }
}
