import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { FIELD_LIMITS } from '../../../common/src';
import { OVERDUE_SORTS } from '../services/overdue-report.service';
import { MAX_OFFSET } from '../../../common/src';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const REPORT_FORMATS = ['json', 'csv', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
const TABLE_FORMATS = ['json', 'csv', 'xlsx'] as const;
const FROM = {
  format: 'date',
  example: '2026-01-01',
  description: 'First Vietnam day (YYYY-MM-DD), included',
} as const;
const TO = { format: 'date', example: '2026-06-30', description: 'Last Vietnam day (YYYY-MM-DD), included' } as const;
const UNIT = { description: "A unit of the caller's subtree (default: their own); else 403 REPORT_SCOPE" } as const;

/** `GET /api/reports/summary?from&to&unit&groupBy&format` (days are Vietnam days, both included). */
export class SummaryQueryDto {
  @ApiProperty(FROM)
  @MaxLength(FIELD_LIMITS.timeText)
  @Matches(DAY, { message: 'from must be YYYY-MM-DD' })
  from!: string;
  @ApiProperty(TO) @MaxLength(FIELD_LIMITS.timeText) @Matches(DAY, { message: 'to must be YYYY-MM-DD' }) to!: string;
  @ApiPropertyOptional(UNIT) @IsOptional() @IsString() @MaxLength(FIELD_LIMITS.code) unit?: string;
  @ApiPropertyOptional({ enum: ['field', 'procedure', 'unit'], enumName: 'ReportGroupBy', default: 'field' })
  @IsOptional()
  @IsIn(['field', 'procedure', 'unit'])
  groupBy?: 'field' | 'procedure' | 'unit';
  @ApiPropertyOptional({
    enum: REPORT_FORMATS,
    enumName: 'ReportFormat',
    default: 'json',
    description: 'json, or a download',
  })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
}

/** `GET /api/reports/periodic?year&half&unit&format`: a half-year (1 or 2) or, without `half`, the year. */
export class PeriodicQueryDto {
  @ApiProperty({ minimum: 2000, maximum: 2100, example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
  @ApiPropertyOptional({ enum: [1, 2], description: '1: January–June, 2: July–December; absent: the whole year' })
  @IsOptional()
  @Type(() => Number)
  @IsIn([1, 2])
  half?: 1 | 2;
  @ApiPropertyOptional(UNIT) @IsOptional() @IsString() @MaxLength(FIELD_LIMITS.code) unit?: string;
  @ApiPropertyOptional({
    enum: REPORT_FORMATS,
    enumName: 'ReportFormat',
    default: 'json',
    description: 'json, or a download',
  })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
}

/** `GET /api/reports/trend?from&to&unit` and `/breakdown`: the dashboard's reads (JSON only). */
export class TrendQueryDto {
  @ApiProperty(FROM)
  @MaxLength(FIELD_LIMITS.timeText)
  @Matches(DAY, { message: 'from must be YYYY-MM-DD' })
  from!: string;
  @ApiProperty(TO) @MaxLength(FIELD_LIMITS.timeText) @Matches(DAY, { message: 'to must be YYYY-MM-DD' }) to!: string;
  @ApiPropertyOptional(UNIT) @IsOptional() @IsString() @MaxLength(FIELD_LIMITS.code) unit?: string;
}

/** `GET /api/reports/overdue?unit&procedure&assignee&sort&format` */
export class OverdueQueryDto {
  @ApiPropertyOptional(UNIT) @IsOptional() @IsString() @MaxLength(FIELD_LIMITS.code) unit?: string;
  @ApiPropertyOptional({ description: 'Procedure code' })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.bpmnId)
  procedure?: string;
  @ApiPropertyOptional({ description: 'Username' })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.username)
  assignee?: string;
  @ApiPropertyOptional({ enum: OVERDUE_SORTS, enumName: 'OverdueSort', default: 'late' })
  @IsOptional()
  @IsIn(OVERDUE_SORTS)
  sort?: (typeof OVERDUE_SORTS)[number];
  /** JSON page size (default 500); the CSV and XLSX exports hold the whole list. */
  @ApiPropertyOptional({ default: 500, minimum: 1, maximum: 5000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5000)
  limit?: number;
  @ApiPropertyOptional({ default: 0, minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET)
  offset?: number;
  @ApiPropertyOptional({ enum: TABLE_FORMATS, default: 'json', description: 'json, or a download of the whole list' })
  @IsOptional()
  @IsIn(TABLE_FORMATS)
  format?: (typeof TABLE_FORMATS)[number];
}

/** `GET /api/reports/heatmap?procedure&from&to&unit`: one procedure's steps completed in a period (at most a year). */
export class HeatmapQueryDto {
  @ApiProperty({ description: 'Procedure code' }) @IsString() @MaxLength(FIELD_LIMITS.bpmnId) procedure!: string;
  @ApiProperty(FROM)
  @MaxLength(FIELD_LIMITS.timeText)
  @Matches(DAY, { message: 'from must be YYYY-MM-DD' })
  from!: string;
  @ApiProperty(TO) @MaxLength(FIELD_LIMITS.timeText) @Matches(DAY, { message: 'to must be YYYY-MM-DD' }) to!: string;
  @ApiPropertyOptional(UNIT) @IsOptional() @IsString() @MaxLength(FIELD_LIMITS.code) unit?: string;
}

/** `GET /api/reports/ratings?from&to&unit&groupBy&format`: satisfaction ratings given in the period (Vietnam days). */
export class RatingsQueryDto {
  @ApiProperty(FROM)
  @MaxLength(FIELD_LIMITS.timeText)
  @Matches(DAY, { message: 'from must be YYYY-MM-DD' })
  from!: string;
  @ApiProperty(TO) @MaxLength(FIELD_LIMITS.timeText) @Matches(DAY, { message: 'to must be YYYY-MM-DD' }) to!: string;
  @ApiPropertyOptional(UNIT) @IsOptional() @IsString() @MaxLength(FIELD_LIMITS.code) unit?: string;
  @ApiPropertyOptional({ enum: ['unit', 'procedure'], enumName: 'RatingsGroupBy', default: 'unit' })
  @IsOptional()
  @IsIn(['unit', 'procedure'])
  groupBy?: 'unit' | 'procedure';
  @ApiPropertyOptional({ enum: TABLE_FORMATS, default: 'json', description: 'json, or a download' })
  @IsOptional()
  @IsIn(TABLE_FORMATS)
  format?: ReportFormat;
}
