import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ProcessInstanceStatus = 'running' | 'completed' | 'terminated' | 'incident';

/** A running or finished process; `state` is the engine's snapshot without its variables. */
@Entity('process_instances')
export class ProcessInstanceEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'definition_id' })
  definitionId: string;

  @Column('text', { name: 'definition_key' })
  definitionKey: string;

  @Column('integer')
  version: number;

  @Column('text', { name: 'procedure_code', nullable: true })
  procedureCode: string | null;

  @Column('text', { name: 'business_key', nullable: true })
  businessKey: string | null;

  /** The receiving unit (`receivingUnit` variable, else the starter's unit). */
  @Column('text', { name: 'unit_code' })
  unitCode: string;

  @Column('text')
  status: ProcessInstanceStatus;

  @Column('jsonb')
  state: Record<string, unknown>;

  @Column('jsonb')
  variables: Record<string, unknown>;

  /** Message names the instance waits for, for correlation by business key. */
  @Column('text', { name: 'waiting_messages', array: true })
  waitingMessages: string[];

  @Column('text', { name: 'started_by', nullable: true })
  startedBy: string | null;

  @Column('timestamptz', { name: 'started_at' })
  startedAt: Date;

  @Column('timestamptz', { name: 'ended_at', nullable: true })
  endedAt: Date | null;

  @Column('integer')
  rev: number;
}
