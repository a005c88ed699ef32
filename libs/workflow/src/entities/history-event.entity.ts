import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only: who did what, when, on which instance and task (the control slip, Form 05). */
@Entity('history_events')
export class HistoryEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('uuid', { name: 'instance_id' })
  instanceId: string;

  @Column('timestamptz')
  at: Date;

  @Column('text')
  type: string;

  @Column('text', { name: 'element_id', nullable: true })
  elementId: string | null;

  @Column('uuid', { name: 'task_id', nullable: true })
  taskId: string | null;

  /** Username; null for the engine's own moves (timers, service tasks). */
  @Column('text', { nullable: true })
  actor: string | null;

  @Column('jsonb', { nullable: true })
  data: Record<string, unknown> | null;
}
