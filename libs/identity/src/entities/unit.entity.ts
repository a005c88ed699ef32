import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/** Levels of the administrative tree; the tree must not assume districts (DOMAIN: two-level provinces). */
export const UNIT_KINDS = ['province', 'department', 'district', 'office', 'commune', 'center'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** An agency with a national-style identifier code (QĐ 20/2020/QĐ-TTg), e.g. `000.00.00.H15`. */
@Entity('units')
export class UnitEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text', { unique: true })
  code: string;

  @Column('text')
  name: string;

  @Column('text')
  kind: UnitKind;

  @Column('uuid', { name: 'parent_id', nullable: true })
  parentId: string | null;

  @ManyToOne(() => UnitEntity, { nullable: true })
  @JoinColumn({ name: 'parent_id' })
  parent?: UnitEntity | null;

  @Column('boolean', { default: true })
  active: boolean;

  /** Shape owned by libs/calendar; null means the default office hours. */
  @Column('jsonb', { name: 'office_hours', nullable: true })
  officeHours: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
