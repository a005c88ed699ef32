import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { UnitHoursRow, UnitOfficeHours } from '../../../common/src';

/** `units.office_hours` for libs/worktime, through the `UNIT_OFFICE_HOURS` port (libs/common). */
@Injectable()
export class UnitOfficeHoursRepository implements UnitOfficeHours {
  constructor(private readonly dataSource: DataSource) {}

  async withOwnHours(): Promise<UnitHoursRow[]> {
    return this.dataSource.query(
      `SELECT code, office_hours AS "officeHours" FROM units WHERE office_hours IS NOT NULL`,
    );
  }

  async find(code: string): Promise<UnitHoursRow | undefined> {
    const rows: UnitHoursRow[] = await this.dataSource.query(
      `SELECT code, office_hours AS "officeHours" FROM units WHERE code = $1`,
      [code],
    );
    return rows[0];
  }

  async isWithin(code: string, ancestorCode: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `WITH RECURSIVE up AS (SELECT id, parent_id, code FROM units WHERE code = $1
         UNION ALL SELECT u.id, u.parent_id, u.code FROM units u JOIN up ON u.id = up.parent_id)
       SELECT 1 FROM up WHERE code = $2 LIMIT 1`,
      [code, ancestorCode],
    );
    return rows.length > 0;
  }

  async save(code: string, officeHoursJson: string | null): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      // As a CTE so the driver returns the rows (a bare UPDATE comes back as [rows, count]).
      `WITH updated AS (UPDATE units SET office_hours = $2::jsonb WHERE code = $1 RETURNING code) SELECT code FROM updated`,
      [code, officeHoursJson],
    );
    return rows.length > 0;
  }
}
