import { Column, Entity, PrimaryColumn } from 'typeorm';

export type IncidentStatus = 'open' | 'resolved';

/** A job that ran out of attempts (or an engine failure) waiting for an administrator. */
@Entity('incidents')
export class IncidentEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'instance_id' })
  instanceId: string;

  @Column('uuid', { name: 'job_id', nullable: true })
  jobId: string | null;

  @Column('text', { name: 'element_id', nullable: true })
  elementId: string | null;

  @Column('text')
  code: string;

  @Column('text')
  message: string;

  @Column('text')
  status: IncidentStatus;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'resolved_at', nullable: true })
  resolvedAt: Date | null;

  @Column('text', { name: 'resolved_by', nullable: true })
  resolvedBy: string | null;
}
