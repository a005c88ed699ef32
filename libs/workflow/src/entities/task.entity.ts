import { Column, Entity, PrimaryColumn } from 'typeorm';

export type TaskStatus = 'open' | 'completed' | 'cancelled';

/** A user task offered to the candidate groups of one unit; its id is the engine's task id. */
@Entity('tasks')
export class TaskEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'instance_id' })
  instanceId: string;

  @Column('text', { name: 'element_id' })
  elementId: string;

  @Column('text')
  name: string;

  @Column('text', { name: 'unit_code' })
  unitCode: string;

  @Column('text', { name: 'candidate_groups', array: true })
  candidateGroups: string[];

  /** Username of the officer who claimed it. */
  @Column('text', { nullable: true })
  assignee: string | null;

  @Column('text')
  status: TaskStatus;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'due_at', nullable: true })
  dueAt: Date | null;

  @Column('timestamptz', { name: 'claimed_at', nullable: true })
  claimedAt: Date | null;

  @Column('timestamptz', { name: 'completed_at', nullable: true })
  completedAt: Date | null;

  @Column('text', { name: 'completed_by', nullable: true })
  completedBy: string | null;

  /** The drawn `UserTaskSpec` (form, public status, duration). */
  @Column('jsonb')
  spec: Record<string, unknown>;
}
