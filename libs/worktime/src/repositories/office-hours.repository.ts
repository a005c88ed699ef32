import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { OfficeHours } from '../../../calendar/src';
import { UNIT_OFFICE_HOURS, type UnitHoursRow, type UnitOfficeHours } from '../../../common/src';

const DEFAULT_HOURS_KEY = 'office_hours';

export type { UnitHoursRow };

/**
 * Office hours: the province default in `calendar_settings`, a unit's own in identity's
 * `units.office_hours` column, which libs/identity reads and writes for us through the `UNIT_OFFICE_HOURS`
 * port (issue 17 item 4). Without libs/identity (a context with the calendar alone) there are no units:
 * none has hours of its own.
 */
@Injectable()
export class OfficeHoursRepository {
  constructor(
    private readonly dataSource: DataSource,
    @Optional() @Inject(UNIT_OFFICE_HOURS) private readonly units?: UnitOfficeHours,
  ) {}

  /** The saved province default, raw; undefined when never saved. */
  async provinceDefault(): Promise<unknown> {
    const rows: { value: unknown }[] = await this.dataSource.query(
      `SELECT value FROM calendar_settings WHERE key = $1`,
      [DEFAULT_HOURS_KEY],
    );
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
    return this.units ? this.units.withOwnHours() : [];
  }

  async findUnit(code: string): Promise<UnitHoursRow | undefined> {
    return this.units?.find(code);
  }

  /** True when `code` is `ancestorCode` or one of its descendants. */
  async isWithin(code: string, ancestorCode: string): Promise<boolean> {
    return this.units ? this.units.isWithin(code, ancestorCode) : false;
  }

  /** Sets (or with null, clears) a unit's own hours; false when there is no such unit. */
  async saveUnit(code: string, sessions: OfficeHours | null): Promise<boolean> {
    return this.units ? this.units.save(code, sessions === null ? null : JSON.stringify(sessions)) : false;
  }
}
