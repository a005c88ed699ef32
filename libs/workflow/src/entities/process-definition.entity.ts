import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One deployed version of a process; immutable once written. */
@Entity('process_definitions')
export class ProcessDefinitionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  key: string;

  @Column('integer')
  version: number;

  @Column('text')
  name: string;

  @Column('text', { name: 'procedure_code', nullable: true })
  procedureCode: string | null;

  @Column('text')
  xml: string;

  /** The compiled `ProcessModel` (libs/engine); the runtime never re-reads the XML. */
  @Column('jsonb')
  model: unknown;

  @Column('text', { name: 'deployed_by', nullable: true })
  deployedBy: string | null;

  @Column('timestamptz', { name: 'deployed_at' })
  deployedAt: Date;
}
