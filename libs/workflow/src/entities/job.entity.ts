import { Column, Entity, PrimaryColumn } from 'typeorm';

export type JobStatus = 'pending' | 'running' | 'done' | 'failed' | 'cancelled';

/** A timer or service-task job: the source of truth; BullMQ only carries its id (DESIGN §3). */
@Entity('jobs')
export class JobEntity {
  /** The engine's job id, also the BullMQ jobId. */
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'instance_id' })
  instanceId: string;

  @Column('text')
  kind: string;

  @Column('text', { name: 'element_id' })
  elementId: string;

  @Column('text', { nullable: true })
  topic: string | null;

  @Column('timestamptz', { name: 'due_at' })
  dueAt: Date;

  @Column('text')
  status: JobStatus;

  @Column('integer')
  attempts: number;

  @Column('integer', { name: 'max_attempts' })
  maxAttempts: number;

  @Column('text', { name: 'last_error', nullable: true })
  lastError: string | null;

  @Column('text', { name: 'locked_by', nullable: true })
  lockedBy: string | null;

  @Column('timestamptz', { name: 'locked_until', nullable: true })
  lockedUntil: Date | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
