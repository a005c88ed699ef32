import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { OfficeHours } from '../../../calendar/src';

const DEFAULT_HOURS_KEY = 'office_hours';

/** A unit as far as office hours go: `officeHours` is raw jsonb (null = the province default). */
export interface UnitHoursRow {
  code: string;
  officeHours: unknown;
}

/**
 * Office hours: the province default in `calendar_settings`, a unit's own in identity's
 * `units.office_hours` column, which we read and write by SQL (not through identity's entities).
 */
@Injectable()
export class OfficeHoursRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The saved province default, raw; undefined when never saved. */
  async provinceDefault(): Promise<unknown> {
    const rows: { value: unknown }[] = await this.dataSource.query(`SELECT value FROM calendar_settings WHERE key = $1`, [DEFAULT_HOURS_KEY]);
    return rows[0]?.value;
  }

  async saveProvinceDefault(sessions: OfficeHours | null, updatedBy: string): Promise<void> {
    if (sessions === null) {
      await this.dataSource.query(`DELETE FROM calendar_settings WHERE key = $1`, [DEFAULT_HOURS_KEY]);
      return;
    }
    await this.dataSource.query(
      `INSERT INTO calendar_settings (key, value, updated_by, updated_at) VALUES ($1, $2::jsonb, $3, now())
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
      [DEFAULT_HOURS_KEY, JSON.stringify(sessions), updatedBy],
    );
  }

  /** Units that have hours of their own. */
  async unitsWithOwnHours(): Promise<UnitHoursRow[]> {
    return this.dataSource.query(`SELECT code, office_hours AS "officeHours" FROM units WHERE office_hours IS NOT NULL`);
  }

  async findUnit(code: string): Promise<UnitHoursRow | undefined> {
    const rows: UnitHoursRow[] = await this.dataSource.query(`SELECT code, office_hours AS "officeHours" FROM units WHERE code = $1`, [code]);
    return rows[0];
  }

  /** True when `code` is `ancestorCode` or one of its descendants. */
  async isWithin(code: string, ancestorCode: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `WITH RECURSIVE up AS (SELECT id, parent_id, code FROM units WHERE code = $1
         UNION ALL SELECT u.id, u.parent_id, u.code FROM units u JOIN up ON u.id = up.parent_id)
       SELECT 1 FROM up WHERE code = $2 LIMIT 1`,
      [code, ancestorCode],
    );
    return rows.length > 0;
  }

  /** Sets (or with null, clears) a unit's own hours; false when there is no such unit. */
  async saveUnit(code: string, sessions: OfficeHours | null): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      // As a CTE so the driver returns the rows (a bare UPDATE comes back as [rows, count]).
      `WITH updated AS (UPDATE units SET office_hours = $2::jsonb WHERE code = $1 RETURNING code) SELECT code FROM updated`,
      [code, sessions === null ? null : JSON.stringify(sessions)],
    );
    return rows.length > 0;
  }
}
