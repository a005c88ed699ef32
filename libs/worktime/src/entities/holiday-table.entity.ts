import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { NamedDay } from '../../../calendar/src';

/** One year's holiday table as an admin saved it; a year without a row uses `defaultHolidays(year)`. */
@Entity('holiday_tables')
export class HolidayTableEntity {
  @PrimaryColumn('integer')
  year: number;

  @Column('jsonb', { default: () => `'[]'` })
  holidays: NamedDay[];

  /** Weekend days swapped into working days (ngày làm bù). */
  @Column('jsonb', { name: 'working_days', default: () => `'[]'` })
  workingDays: NamedDay[];

  @Column('text', { name: 'updated_by', nullable: true })
  updatedBy: string | null;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
