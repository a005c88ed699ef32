import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { FIELD_LIMITS } from '../../../../common/src';
import { ListQueryDto } from './list-query.dto';

export const JOB_STATES = ['waiting', 'overdue', 'running', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** `GET /api/admin/operations/jobs?state=&kind=&q=` */
export class JobsQueryDto extends ListQueryDto {
  @ApiPropertyOptional({
    enum: JOB_STATES,
    default: 'overdue',
    description: 'waiting: pending, due later; overdue: pending or running past due; failed: out of attempts',
  })
  @IsOptional()
  @IsIn(JOB_STATES)
  state: JobState = 'overdue';
  @ApiPropertyOptional({ example: 'timer' }) @IsOptional() @IsString() @MaxLength(FIELD_LIMITS.code) kind?: string;
  @ApiPropertyOptional({ description: "The instance's business key (dossier code) or process key, in part" })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.search)
  q?: string;
}

/** `GET /api/admin/operations/incidents?status=&code=&q=` */
export class IncidentsQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'resolved', 'all'], default: 'open' })
  @IsOptional()
  @IsIn(['open', 'resolved', 'all'])
  status: 'open' | 'resolved' | 'all' = 'open';
  @ApiPropertyOptional({ example: 'JOB_FAILED' }) @IsOptional() @IsString() @MaxLength(FIELD_LIMITS.code) code?: string;
  @ApiPropertyOptional({
    example: 'deadline.warning',
    description: 'The kind of the failed job (service tasks: service; notifications: deadline.*)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.code)
  kind?: string;
  @ApiPropertyOptional({ description: "The instance's business key (dossier code) or process key, in part" })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.search)
  q?: string;
}

/** `POST /api/admin/operations/incidents/:id/retry` */
export class RetryIncidentDto {
  @ApiProperty({ example: 'Cổng SMS đã hoạt động lại', description: 'Why retrying now; kept in the audit trail' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(FIELD_LIMITS.reason)
  reason: string;
}

/** At most this many incidents or instances per bulk request; the answer's `total` says how many matched. */
export const BULK_LIMIT = 200;

/** `POST /api/admin/operations/incidents/bulk-retry`: the open incidents the filter finds (as the incidents tab lists them). */
export class BulkRetryIncidentsDto {
  @ApiProperty({ description: 'true: answer what would be retried and change nothing' }) @IsBoolean() dryRun: boolean;
  @ApiProperty({
    example: 'Hệ thống đăng ký đã hoạt động lại',
    description: 'Why retrying now; kept in the audit trail of each incident',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(FIELD_LIMITS.reason)
  reason: string;
  @ApiPropertyOptional({ example: 'JOB_FAILED' }) @IsOptional() @IsString() @MaxLength(FIELD_LIMITS.code) code?: string;
  @ApiPropertyOptional({
    example: 'service',
    description: 'The kind of the failed job (family: deadline matches deadline.*)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.code)
  kind?: string;
  @ApiPropertyOptional({ description: "The instance's business key (dossier code) or process key, in part" })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.search)
  q?: string;
}

/** `POST /api/admin/operations/instances/bulk-cancel`: running instances (or in incident) of one process. */
export class BulkCancelInstancesDto {
  @ApiProperty({ description: 'true: answer what would be cancelled and change nothing' }) @IsBoolean() dryRun: boolean;
  @ApiProperty({
    example: 'Thủ tục bãi bỏ theo quyết định của UBND tỉnh',
    description: "Why; kept on each instance's history and in the audit trail",
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(FIELD_LIMITS.reason)
  reason: string;
  @ApiProperty({ description: 'The process key' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(FIELD_LIMITS.code)
  definitionKey: string;
  @ApiPropertyOptional({ type: 'integer', description: 'Only instances of this version' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;
  @ApiPropertyOptional({ description: 'Only instances with a token on this element' })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.code)
  elementId?: string;
  @ApiPropertyOptional({ description: 'The business key (dossier code), in part' })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.search)
  q?: string;
}

/** `GET /api/admin/operations/instances?definitionKey=&version=&elementId=&q=`: the instances a bulk cancel or a migration would look at. */
export class LiveInstancesQueryDto {
  @ApiProperty({ description: 'The process key' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(FIELD_LIMITS.code)
  definitionKey: string;
  @ApiPropertyOptional({ type: 'integer' }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) version?: number;
  @ApiPropertyOptional({ description: 'Only instances with a token on this element' })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.code)
  elementId?: string;
  @ApiPropertyOptional({ description: 'The business key (dossier code), in part' })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.search)
  q?: string;
}
