import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsInt, IsOptional, IsString, Max, MaxDate, MaxLength, Min, MinDate } from 'class-validator';
import { FIELD_LIMITS } from '../../../common/src';
import type { AuditRow } from '../repositories/audit.repository';
import { EARLIEST_FILTER_DATE, LATEST_FILTER_DATE, MAX_OFFSET } from '../../../common/src';

export class AuditQueryDto {
  @ApiPropertyOptional({ example: 'reception' })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.username)
  actor?: string;
  @ApiPropertyOptional({
    example: 'admin.user',
    description: 'An action (`auth.login_failed`) or a family of them (`admin.user` finds `admin.user.*`)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.code)
  action?: string;
  @ApiPropertyOptional({ example: 'user:reception' })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.search)
  subject?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'From this time on (inclusive)' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  @MinDate(EARLIEST_FILTER_DATE)
  @MaxDate(LATEST_FILTER_DATE)
  from?: Date;
  @ApiPropertyOptional({ format: 'date-time', description: 'Before this time (exclusive)' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  @MinDate(EARLIEST_FILTER_DATE)
  @MaxDate(LATEST_FILTER_DATE)
  to?: Date;
  @ApiPropertyOptional({ type: 'integer', default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 50;
  @ApiPropertyOptional({ type: 'integer', default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET)
  offset = 0;
}

export class AuditEntryDto {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ nullable: true, type: String }) actor: string | null;
  @ApiProperty({ example: 'auth.login' }) action: string;
  @ApiProperty({ nullable: true, type: String }) subject: string | null;
  @ApiProperty({ nullable: true, type: String }) ip: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) data: Record<string, unknown> | null;
}

export class AuditListDto {
  @ApiProperty({ type: [AuditEntryDto] }) items: AuditEntryDto[];
  @ApiProperty() total: number;
}

export function toAuditEntryDto(row: AuditRow): AuditEntryDto {
  return { ...row, id: String(row.id), at: row.at.toISOString() };
}
