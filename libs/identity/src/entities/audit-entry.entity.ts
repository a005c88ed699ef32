import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One line of the audit trail: logins and state changes (DESIGN §4). Append-only. */
@Entity('audit_log')
export class AuditEntryEntity {
  /** bigserial: pg returns it as a string. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column('timestamptz', { default: () => 'now()' })
  at: Date;

  /** Username of who acted, or null (anonymous, e.g. a failed login). */
  @Column('text', { nullable: true })
  actor: string | null;

  /** Dotted verb, e.g. `auth.login`, `auth.login_failed`, `auth.locked`. */
  @Column('text')
  action: string;

  /** What was acted on, e.g. `user:reception`. */
  @Column('text', { nullable: true })
  subject: string | null;

  @Column('text', { nullable: true })
  ip: string | null;

  @Column('jsonb', { nullable: true })
  data: Record<string, unknown> | null;
}
