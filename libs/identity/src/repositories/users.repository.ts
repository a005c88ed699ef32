import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { UserProfile } from '../identity.types';

/** A user row with its unit, as the login needs it (the only read that carries the hash). */
export interface UserRecord extends UserProfile {
  passwordHash: string;
  failedLogins: number;
  lockedUntil: Date | null;
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
         u.must_change_password AS "mustChangePassword"
    FROM users u JOIN units un ON un.id = u.unit_id`;

/** SQL for accounts. Counter updates are single statements so concurrent logins all count. */
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

  /** Counts one failure unless a lock is in force; locks when the count reaches `maxFailures`.
   * Returns undefined when the account was already locked (nothing counted). */
  async recordFailure(id: string, now: Date, maxFailures: number, lockSeconds: number) {
    // locked_until may only be non-null here if the lock has run out: the count restarts at 1.
    const rows = await this.update<{ failedLogins: number; lockedUntil: Date | null }>(
      `UPDATE users SET
         failed_logins = CASE WHEN locked_until IS NULL THEN failed_logins + 1 ELSE 1 END,
         locked_until = CASE WHEN (CASE WHEN locked_until IS NULL THEN failed_logins + 1 ELSE 1 END) >= $3
                             THEN $2::timestamptz + make_interval(secs => $4) END,
         updated_at = $2
       WHERE id = $1 AND (locked_until IS NULL OR locked_until <= $2)
       RETURNING failed_logins AS "failedLogins", locked_until AS "lockedUntil"`,
      [id, now, maxFailures, lockSeconds],
    );
    return rows[0];
  }

  /** Resets the counter; false when a lock is in force (a concurrent failure locked the account). */
  async recordSuccess(id: string, now: Date): Promise<boolean> {
    const rows = await this.update(
      `UPDATE users SET failed_logins = 0, locked_until = NULL, updated_at = $2
        WHERE id = $1 AND (locked_until IS NULL OR locked_until <= $2) RETURNING id`,
      [id, now],
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
    const rows: { username: string }[] = await manager.query(`SELECT username FROM users WHERE username = ANY($1::text[])`, [usernames]);
    return new Set(rows.map((row) => row.username));
  }

  async countAll(manager: EntityManager = this.dataSource.manager): Promise<number> {
    const rows: { count: number }[] = await manager.query(`SELECT count(*)::int AS count FROM users`);
    return rows[0].count;
  }

  async setActive(id: string, active: boolean, now: Date): Promise<boolean> {
    const rows = await this.update(
      `UPDATE users SET active = $2, updated_at = $3 WHERE id = $1 RETURNING id`, [id, active, now]);
    return rows.length > 0;
  }

  async setPassword(id: string, passwordHash: string, now: Date): Promise<void> {
    await this.update(
      `UPDATE users SET password_hash = $2, must_change_password = false, updated_at = $3 WHERE id = $1`,
      [id, passwordHash, now],
    );
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

  /** TypeORM answers an UPDATE with `[rows, rowCount]`; this returns the RETURNING rows. */
  private async update<T = unknown>(sql: string, parameters: unknown[]): Promise<T[]> {
    const [rows] = (await this.dataSource.query(sql, parameters)) as [T[], number];
    return rows;
  }
}
