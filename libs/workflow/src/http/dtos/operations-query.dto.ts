import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { FIELD_LIMITS } from '../../../../common/src';
import { ListQueryDto } from './list-query.dto';

export const JOB_STATES = ['waiting', 'overdue', 'running', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** `GET /api/admin/operations/jobs?state=&kind=&q=` */
export class JobsQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: JOB_STATES, default: 'overdue', description: 'waiting: pending, due later; overdue: pending or running past due; failed: out of attempts' })
  @IsOptional() @IsIn(JOB_STATES) state: JobState = 'overdue';
  @ApiPropertyOptional({ example: 'timer' }) @IsOptional() @IsString() @MaxLength(FIELD_LIMITS.code) kind?: string;
  @ApiPropertyOptional({ description: "The instance's business key (dossier code) or process key, in part" })
  @IsOptional() @IsString() @MaxLength(FIELD_LIMITS.search) q?: string;
}

/** `GET /api/admin/operations/incidents?status=&code=&q=` */
export class IncidentsQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'resolved', 'all'], default: 'open' })
  @IsOptional() @IsIn(['open', 'resolved', 'all']) status: 'open' | 'resolved' | 'all' = 'open';
  @ApiPropertyOptional({ example: 'JOB_FAILED' }) @IsOptional() @IsString() @MaxLength(FIELD_LIMITS.code) code?: string;
  @ApiPropertyOptional({ example: 'deadline.warning', description: 'The kind of the failed job (service tasks: service; notifications: deadline.*)' })
  @IsOptional() @IsString() @MaxLength(FIELD_LIMITS.code) kind?: string;
  @ApiPropertyOptional({ description: "The instance's business key (dossier code) or process key, in part" })
  @IsOptional() @IsString() @MaxLength(FIELD_LIMITS.search) q?: string;
}

/** `POST /api/admin/operations/incidents/:id/retry` */
export class RetryIncidentDto {
  @ApiProperty({ example: 'Cổng SMS đã hoạt động lại', description: 'Why retrying now; kept in the audit trail' })
  @IsString() @IsNotEmpty() @MaxLength(FIELD_LIMITS.reason) reason: string;
}
