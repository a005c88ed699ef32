import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { UserProfile } from '../identity.types';

/** A user row with its unit, as the login needs it (the only read that carries the hash). */
export interface UserRecord extends UserProfile {
  passwordHash: string;
  /** Failed logins since the last success, from any address: shown to administrators, locks nothing. */
  failedLogins: number;
  /** No longer set (issue 15 dropped the account lockout); kept for accounts locked before. */
  lockedUntil: Date | null;
  /** Raised by every password change or reset; tokens signed at an older version are refused. */
  tokenVersion: number;
}

export interface NewUserRow {
  username: string;
  fullName: string;
  passwordHash: string;
  unitCode: string;
  roles: string[];
  mustChangePassword: boolean;
}

const SELECT_USER = `
  SELECT u.id, u.username, u.full_name AS "fullName", u.password_hash AS "passwordHash",
         u.unit_id AS "unitId", un.code AS "unitCode", un.name AS "unitName", u.roles, u.active,
         u.failed_logins AS "failedLogins", u.locked_until AS "lockedUntil",
         u.must_change_password AS "mustChangePassword", u.token_version AS "tokenVersion"
    FROM users u JOIN units un ON un.id = u.unit_id`;

/** SQL for accounts. Counter updates are single statements so concurrent failures all count. */
@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findByUsername(username: string): Promise<UserRecord | undefined> {
    const rows: UserRecord[] = await this.dataSource.query(`${SELECT_USER} WHERE u.username = $1`, [username]);
    return rows[0];
  }

  async findById(id: string): Promise<UserRecord | undefined> {
    const rows: UserRecord[] = await this.dataSource.query(`${SELECT_USER} WHERE u.id = $1`, [id]);
    return rows[0];
  }

  /** Counts one failed login (informational: throttling lives in Redis, per address). */
  async recordFailure(id: string, now: Date): Promise<void> {
    await this.update(`UPDATE users SET failed_logins = failed_logins + 1, updated_at = $2 WHERE id = $1`, [id, now]);
  }

  /** Zeroes the failure count (and any lock left from before issue 15). */
  async recordSuccess(id: string, now: Date): Promise<void> {
    await this.update(`UPDATE users SET failed_logins = 0, locked_until = NULL, updated_at = $2 WHERE id = $1`, [
      id,
      now,
    ]);
  }

  /**
   * Stores a hash of the same password made at the current cost. Only if the hash is still the
   * one that was verified: a password change racing the login wins. Tokens stay valid.
   */
  async upgradeHash(id: string, verifiedHash: string, passwordHash: string): Promise<boolean> {
    const rows = await this.update(
      `UPDATE users SET password_hash = $3 WHERE id = $1 AND password_hash = $2 RETURNING id`,
      [id, verifiedHash, passwordHash],
    );
    return rows.length > 0;
  }

  /** Inserts unless the username exists; returns the new id, or undefined when it existed. */
  async insert(user: NewUserRow, manager: EntityManager = this.dataSource.manager): Promise<string | undefined> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO users (username, full_name, password_hash, unit_id, roles, must_change_password)
       SELECT $1, $2, $3, un.id, $5::text[], $6 FROM units un WHERE un.code = $4
       ON CONFLICT (username) DO NOTHING RETURNING id`,
      [user.username, user.fullName, user.passwordHash, user.unitCode, user.roles, user.mustChangePassword],
    );
    return rows[0]?.id;
  }

  async existingUsernames(usernames: string[], manager: EntityManager = this.dataSource.manager): Promise<Set<string>> {
    const rows: { username: string }[] = await manager.query(
      `SELECT username FROM users WHERE username = ANY($1::text[])`,
      [usernames],
    );
    return new Set(rows.map((row) => row.username));
  }

  async countAll(manager: EntityManager = this.dataSource.manager): Promise<number> {
    const rows: { count: number }[] = await manager.query(`SELECT count(*)::int AS count FROM users`);
    return rows[0].count;
  }

  async setActive(id: string, active: boolean, now: Date): Promise<boolean> {
    const rows = await this.update(`UPDATE users SET active = $2, updated_at = $3 WHERE id = $1 RETURNING id`, [
      id,
      active,
      now,
    ]);
    return rows.length > 0;
  }

  /** The user's own new password: every token signed before ends; returns the new token version. */
  async setPassword(id: string, passwordHash: string, now: Date): Promise<number> {
    const rows = await this.update<{ tokenVersion: number }>(
      `UPDATE users SET password_hash = $2, must_change_password = false, token_version = token_version + 1, updated_at = $3
        WHERE id = $1 RETURNING token_version AS "tokenVersion"`,
      [id, passwordHash, now],
    );
    return rows[0].tokenVersion;
  }

  /** Active users of a unit holding `role` or a specialisation of it (`specialist:land` for `specialist`). */
  async withRole(unitCode: string, role: string): Promise<{ id: string; username: string }[]> {
    return this.dataSource.query(
      `SELECT u.id, u.username FROM users u JOIN units un ON un.id = u.unit_id
        WHERE un.code = $1 AND u.active
          AND EXISTS (SELECT 1 FROM unnest(u.roles) r WHERE r = $2 OR starts_with(r, $2 || ':'))
        ORDER BY u.username`,
      [unitCode, role],
    );
  }

  /** Active accounts of a unit, by full name: who a head may hand steps to. */
  async activeOfUnit(unitCode: string): Promise<{ id: string; username: string; fullName: string; roles: string[] }[]> {
    return this.dataSource.query(
      `SELECT u.id, u.username, u.full_name AS "fullName", u.roles FROM users u JOIN units un ON un.id = u.unit_id
        WHERE un.code = $1 AND u.active ORDER BY u.full_name, u.username`,
      [unitCode],
    );
  }

  /** TypeORM answers an UPDATE with `[rows, rowCount]`; this returns the RETURNING rows. */
  private async update<T = unknown>(sql: string, parameters: unknown[]): Promise<T[]> {
    const [rows] = (await this.dataSource.query(sql, parameters)) as [T[], number];
    return rows;
  }
}
