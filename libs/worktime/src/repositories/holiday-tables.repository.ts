import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { HolidayTable, NamedDay } from '../../../calendar/src';

/** A year's table as saved, with who saved it. */
export interface StoredHolidayTable extends HolidayTable {
  readonly updatedBy: string | null;
  readonly updatedAt: Date;
}

interface Row {
  year: number;
  holidays: NamedDay[];
  working_days: NamedDay[];
  updated_by: string | null;
  updated_at: Date;
}

const toStored = (row: Row): StoredHolidayTable => ({
  year: row.year,
  holidays: row.holidays,
  workingDays: row.working_days,
  updatedBy: row.updated_by,
  updatedAt: row.updated_at,
});

/** SQL for `holiday_tables`: one row per year an admin edited. */
@Injectable()
export class HolidayTablesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async all(): Promise<StoredHolidayTable[]> {
    const rows: Row[] = await this.dataSource.query(`SELECT * FROM holiday_tables ORDER BY year`);
    return rows.map(toStored);
  }

  async find(year: number): Promise<StoredHolidayTable | undefined> {
    const rows: Row[] = await this.dataSource.query(`SELECT * FROM holiday_tables WHERE year = $1`, [year]);
    return rows[0] && toStored(rows[0]);
  }

  /** Inserts or replaces the year's table. */
  async save(table: HolidayTable, updatedBy: string): Promise<StoredHolidayTable> {
    const rows: Row[] = await this.dataSource.query(
      `INSERT INTO holiday_tables (year, holidays, working_days, updated_by, updated_at)
       VALUES ($1, $2::jsonb, $3::jsonb, $4, now())
       ON CONFLICT (year) DO UPDATE
         SET holidays = EXCLUDED.holidays, working_days = EXCLUDED.working_days,
             updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
       RETURNING *`,
      [table.year, JSON.stringify(table.holidays), JSON.stringify(table.workingDays), updatedBy],
    );
    return toStored(rows[0]);
  }

  /** Deletes the year's table; the year goes back to the computed defaults. */
  async remove(year: number): Promise<void> {
    await this.dataSource.query(`DELETE FROM holiday_tables WHERE year = $1`, [year]);
  }
}
