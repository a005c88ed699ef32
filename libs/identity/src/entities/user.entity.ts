import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { UnitEntity } from './unit.entity';

/** One account per person, in one unit, with roles inside that unit. */
@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Always lowercase (a CHECK constraint keeps it so). */
  @Column('text', { unique: true })
  username: string;

  @Column('text', { name: 'full_name' })
  fullName: string;

  /** `scrypt$N$r$p$salt$hash`; never leaves libs/identity. */
  @Column('text', { name: 'password_hash' })
  passwordHash: string;

  @Column('uuid', { name: 'unit_id' })
  unitId: string;

  @ManyToOne(() => UnitEntity)
  @JoinColumn({ name: 'unit_id' })
  unit?: UnitEntity;

  /** `admin`, `reception`, `specialist` or `specialist:<field>`, `head`, `leader`. */
  @Column('text', { array: true, default: () => `'{}'` })
  roles: string[];

  @Column('boolean', { default: true })
  active: boolean;

  /** Failed logins since the last success (informational; throttling is per address, in Redis). */
  @Column('integer', { name: 'failed_logins', default: 0 })
  failedLogins: number;

  /** No longer set: issue 15 replaced the account lockout with per-address throttling. */
  @Column('timestamptz', { name: 'locked_until', nullable: true })
  lockedUntil: Date | null;

  /** Raised by every password change or reset: tokens signed at an older version are refused. */
  @Column('integer', { name: 'token_version', default: 0 })
  tokenVersion: number;

  @Column('boolean', { name: 'must_change_password', default: false })
  mustChangePassword: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
