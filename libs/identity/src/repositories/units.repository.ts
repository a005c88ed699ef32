import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { UnitKind } from '../identity.types';
import type { UnitView } from '../identity.types';

export interface NewUnitRow {
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string | null;
}

const SELECT_UNIT = `
  SELECT u.id, u.code, u.name, u.kind, u.parent_id AS "parentId", p.code AS "parentCode",
         u.active, u.address, u.office_hours AS "officeHours"
    FROM units u LEFT JOIN units p ON p.id = u.parent_id`;

/** SQL for the unit tree. Walks carry the visited ids so a corrupted (cyclic) tree cannot loop. */
@Injectable()
export class UnitsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findByCode(code: string): Promise<UnitView | undefined> {
    const rows: UnitView[] = await this.dataSource.query(`${SELECT_UNIT} WHERE u.code = $1`, [code]);
    return rows[0];
  }

  /** Every unit reachable from a root, parents before children, siblings by code. */
  async listTree(): Promise<UnitView[]> {
    return this.dataSource.query(`
      WITH RECURSIVE tree AS (
        SELECT id, ARRAY[code] AS path, ARRAY[id] AS seen FROM units WHERE parent_id IS NULL
        UNION ALL
        SELECT c.id, t.path || c.code, t.seen || c.id FROM units c JOIN tree t ON c.parent_id = t.id
         WHERE NOT c.id = ANY(t.seen)
      )
      ${SELECT_UNIT} JOIN tree t ON t.id = u.id ORDER BY t.path`);
  }

  /** Codes of a unit and all its descendants (empty when the code is unknown). */
  async subtreeCodes(code: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: { code: string }[] = await manager.query(
      `
      WITH RECURSIVE sub AS (
        SELECT id, code, ARRAY[id] AS seen FROM units WHERE code = $1
        UNION ALL
        SELECT c.id, c.code, s.seen || c.id FROM units c JOIN sub s ON c.parent_id = s.id
         WHERE NOT c.id = ANY(s.seen)
      )
      SELECT code FROM sub ORDER BY code`,
      [code],
    );
    return rows.map((row) => row.code);
  }

  /** Code of the root of the unit's tree (the unit itself when it has no parent). */
  async rootCode(code: string): Promise<string | undefined> {
    const rows: { code: string }[] = await this.dataSource.query(
      `
      WITH RECURSIVE up AS (
        SELECT id, code, parent_id, ARRAY[id] AS seen FROM units WHERE code = $1
        UNION ALL
        SELECT p.id, p.code, p.parent_id, up.seen || p.id FROM units p JOIN up ON p.id = up.parent_id
         WHERE NOT p.id = ANY(up.seen)
      )
      SELECT code FROM up WHERE parent_id IS NULL`,
      [code],
    );
    return rows[0]?.code;
  }

  /** Inserts unless the code exists (the parent must exist already); true when inserted. */
  async insert(unit: NewUnitRow, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO units (code, name, kind, parent_id)
       VALUES ($1, $2, $3, (SELECT id FROM units WHERE code = $4))
       ON CONFLICT (code) DO NOTHING RETURNING id`,
      [unit.code, unit.name, unit.kind, unit.parentCode],
    );
    return rows.length > 0;
  }
}
