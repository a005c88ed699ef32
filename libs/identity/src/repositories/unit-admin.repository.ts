import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { UnitKind } from '../identity.types';

/** Serialises moves, so two concurrent moves cannot together build a cycle. */
const TREE_LOCK_KEY = 1_764_300_600;

/** Writes of the unit tree for the administration console. */
@Injectable()
export class UnitAdminRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [TREE_LOCK_KEY]);
      return work(manager);
    });
  }

  /** `address`: undefined keeps it, null clears it. */
  async update(
    code: string,
    change: { name?: string; kind?: UnitKind; address?: string | null },
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `UPDATE units SET name = COALESCE($2, name), kind = COALESCE($3, kind),
         address = CASE WHEN $4::boolean THEN $5 ELSE address END WHERE code = $1`,
      [code, change.name ?? null, change.kind ?? null, change.address !== undefined, change.address ?? null],
    );
  }

  async setParent(code: string, parentCode: string, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE units SET parent_id = (SELECT id FROM units WHERE code = $2) WHERE code = $1`, [
      code,
      parentCode,
    ]);
  }

  async setActive(code: string, active: boolean, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE units SET active = $2 WHERE code = $1`, [code, active]);
  }

  /** Active units directly under `code`. */
  async activeChildren(code: string, manager: EntityManager): Promise<string[]> {
    const rows: { code: string }[] = await manager.query(
      `SELECT c.code FROM units c JOIN units p ON p.id = c.parent_id WHERE p.code = $1 AND c.active ORDER BY c.code`,
      [code],
    );
    return rows.map((row) => row.code);
  }

  /** Accounts per unit code (active ones), for the tree page. */
  async userCounts(): Promise<Map<string, number>> {
    const rows: { code: string; n: number }[] = await this.dataSource.query(
      `SELECT un.code, count(*)::int AS n FROM users u JOIN units un ON un.id = u.unit_id WHERE u.active GROUP BY un.code`,
    );
    return new Map(rows.map((row) => [row.code, row.n]));
  }
}
