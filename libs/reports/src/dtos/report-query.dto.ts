import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { OVERDUE_SORTS } from '../services/overdue-report.service';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const REPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** `GET /api/reports/summary?from&to&unit&groupBy&format` (days are Vietnam days, both included). */
export class SummaryQueryDto {
  @Matches(DAY, { message: 'from must be YYYY-MM-DD' }) from!: string;
  @Matches(DAY, { message: 'to must be YYYY-MM-DD' }) to!: string;
  @IsOptional() @IsString() @MaxLength(50) unit?: string;
  @IsOptional() @IsIn(['field', 'procedure', 'unit']) groupBy?: 'field' | 'procedure' | 'unit';
  @IsOptional() @IsIn(REPORT_FORMATS) format?: ReportFormat;
}

/** `GET /api/reports/overdue?unit&procedure&assignee&sort&format` */
export class OverdueQueryDto {
  @IsOptional() @IsString() @MaxLength(50) unit?: string;
  @IsOptional() @IsString() @MaxLength(100) procedure?: string;
  @IsOptional() @IsString() @MaxLength(100) assignee?: string;
  @IsOptional() @IsIn(OVERDUE_SORTS) sort?: (typeof OVERDUE_SORTS)[number];
  @IsOptional() @IsIn(REPORT_FORMATS) format?: ReportFormat;
}
