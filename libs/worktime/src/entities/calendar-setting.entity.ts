import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Province-wide calendar settings by key (`office_hours`: the default sessions). */
@Entity('calendar_settings')
export class CalendarSettingEntity {
  @PrimaryColumn('text')
  key: string;

  @Column('jsonb')
  value: unknown;

  @Column('text', { name: 'updated_by', nullable: true })
  updatedBy: string | null;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
