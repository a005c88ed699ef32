import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { FIELD_LIMITS } from '../../../common/src';
import { OVERDUE_SORTS } from '../services/overdue-report.service';
import { MAX_OFFSET } from '../../../common/src';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const REPORT_FORMATS = ['json', 'csv', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
const TABLE_FORMATS = ['json', 'csv', 'xlsx'] as const;

/** `GET /api/reports/summary?from&to&unit&groupBy&format` (days are Vietnam days, both included). */
export class SummaryQueryDto {
  @MaxLength(FIELD_LIMITS.timeText) @Matches(DAY, { message: 'from must be YYYY-MM-DD' }) from!: string;
  @MaxLength(FIELD_LIMITS.timeText) @Matches(DAY, { message: 'to must be YYYY-MM-DD' }) to!: string;
  @IsOptional() @IsString() @MaxLength(FIELD_LIMITS.code) unit?: string;
  @IsOptional() @IsIn(['field', 'procedure', 'unit']) groupBy?: 'field' | 'procedure' | 'unit';
  @IsOptional() @IsIn(REPORT_FORMATS) format?: ReportFormat;
}

/** `GET /api/reports/periodic?year&half&unit&format`: a half-year (1 or 2) or, without `half`, the year. */
export class PeriodicQueryDto {
  @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year!: number;
  @IsOptional() @Type(() => Number) @IsIn([1, 2]) half?: 1 | 2;
  @IsOptional() @IsString() @MaxLength(FIELD_LIMITS.code) unit?: string;
  @IsOptional() @IsIn(REPORT_FORMATS) format?: ReportFormat;
}

/** `GET /api/reports/trend?from&to&unit` and `/breakdown`: the dashboard's reads (JSON only). */
export class TrendQueryDto {
  @MaxLength(FIELD_LIMITS.timeText) @Matches(DAY, { message: 'from must be YYYY-MM-DD' }) from!: string;
  @MaxLength(FIELD_LIMITS.timeText) @Matches(DAY, { message: 'to must be YYYY-MM-DD' }) to!: string;
  @IsOptional() @IsString() @MaxLength(FIELD_LIMITS.code) unit?: string;
}

/** `GET /api/reports/overdue?unit&procedure&assignee&sort&format` */
export class OverdueQueryDto {
  @IsOptional() @IsString() @MaxLength(FIELD_LIMITS.code) unit?: string;
  @IsOptional() @IsString() @MaxLength(FIELD_LIMITS.bpmnId) procedure?: string;
  @IsOptional() @IsString() @MaxLength(FIELD_LIMITS.username) assignee?: string;
  @IsOptional() @IsIn(OVERDUE_SORTS) sort?: (typeof OVERDUE_SORTS)[number];
  /** JSON page size (default 500); the CSV and XLSX exports hold the whole list. */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(5000) limit?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(MAX_OFFSET) offset?: number;
  @IsOptional() @IsIn(TABLE_FORMATS) format?: (typeof TABLE_FORMATS)[number];
}
