import { Controller, Get, Inject, Query, StreamableFile } from '@nestjs/common';
import { CLOCK, CurrentUser, Roles, type AuthUser, type Clock } from '../../../common/src';
import { OverdueQueryDto, PeriodicQueryDto, SummaryQueryDto, TrendQueryDto, type ReportFormat } from '../dtos/report-query.dto';
import { overdueCsv, overdueXlsx } from '../export/overdue.export';
import { periodicCsv, periodicPdf, periodicXlsx } from '../export/periodic.export';
import { summaryCsv, summaryPdf, summaryXlsx } from '../export/summary.export';
import { OverdueReportService } from '../services/overdue-report.service';
import { PeriodicReportService } from '../services/periodic-report.service';
import { REPORT_ROLES, ReportScopeService } from '../services/report-scope.service';
import { SummaryReportService } from '../services/summary-report.service';
import { TrendReportService } from '../services/trend-report.service';

const TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

/** How a report is written as each download format (PDF is stamped with the time it is printed). */
type Exporters<T> = { csv: (report: T) => string; xlsx: (report: T) => Promise<Buffer>; pdf?: (report: T, printedAt: Date) => Promise<Buffer> };

/** Leaders' reports (DESIGN §6): JSON, or `?format=csv|xlsx|pdf` as a download. */
@Controller('api/reports')
@Roles(...REPORT_ROLES)
export class ReportsController {
  constructor(
    private readonly summaries: SummaryReportService,
    private readonly periodics: PeriodicReportService,
    private readonly trends: TrendReportService,
    private readonly overdues: OverdueReportService,
    private readonly scope: ReportScopeService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The units the caller may pick (their subtree), for the dashboard's unit picker. */
  @Get('units')
  units(@CurrentUser() user: AuthUser) {
    return this.scope.unitsOf(user);
  }

  @Get('summary')
  async summary(@CurrentUser() user: AuthUser, @Query() query: SummaryQueryDto) {
    const report = await this.summaries.summary(user, query);
    const name = `bieu-II.06a-${report.unitCode}-${report.from}-${report.to}`;
    return this.download(query.format, name, report, { csv: summaryCsv, xlsx: summaryXlsx, pdf: summaryPdf });
  }

  /** The period's table by field, unit and procedure in one read (the dashboard). */
  @Get('breakdown')
  breakdown(@CurrentUser() user: AuthUser, @Query() query: TrendQueryDto) {
    return this.summaries.breakdown(user, query);
  }

  @Get('periodic')
  async periodic(@CurrentUser() user: AuthUser, @Query() query: PeriodicQueryDto) {
    const report = await this.periodics.periodic(user, query);
    const name = `bao-cao-dinh-ky-${report.unitCode}-${report.year}${report.half ? `-${report.half === 1 ? 'dau' : 'cuoi'}-nam` : ''}`;
    return this.download(query.format, name, report, { csv: periodicCsv, xlsx: periodicXlsx, pdf: periodicPdf });
  }

  @Get('trend')
  trend(@CurrentUser() user: AuthUser, @Query() query: TrendQueryDto) {
    return this.trends.trend(user, query);
  }

  @Get('overdue')
  async overdue(@CurrentUser() user: AuthUser, @Query() query: OverdueQueryDto) {
    const report = await this.overdues.overdue(user, query, query.format === 'csv' || query.format === 'xlsx');
    return this.download(query.format, `qua-han-${report.unitCode}`, report, { csv: overdueCsv, xlsx: overdueXlsx });
  }

  private async download<T>(format: ReportFormat | undefined, name: string, report: T, exporters: Exporters<T>): Promise<T | StreamableFile> {
    const file = (body: Buffer, type: keyof typeof TYPES) => new StreamableFile(body, { type: TYPES[type], disposition: `attachment; filename="${name}.${type}"` });
    if (format === 'csv') return file(Buffer.from(exporters.csv(report), 'utf8'), 'csv');
    if (format === 'xlsx') return file(await exporters.xlsx(report), 'xlsx');
    if (format === 'pdf' && exporters.pdf) return file(await exporters.pdf(report, this.clock.now()), 'pdf');
    return report;
  }
}
