import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { CurrentUser, Roles, type AuthUser } from '../../../common/src';
import { OverdueQueryDto, SummaryQueryDto, type ReportFormat } from '../dtos/report-query.dto';
import { overdueCsv, overdueXlsx } from '../export/overdue.export';
import { summaryCsv, summaryXlsx } from '../export/summary.export';
import { OverdueReportService } from '../services/overdue-report.service';
import { REPORT_ROLES, ReportScopeService } from '../services/report-scope.service';
import { SummaryReportService } from '../services/summary-report.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Leaders' reports (DESIGN §6): JSON, or `?format=csv|xlsx` as a download. */
@Controller('api/reports')
@Roles(...REPORT_ROLES)
export class ReportsController {
  constructor(
    private readonly summaries: SummaryReportService,
    private readonly overdues: OverdueReportService,
    private readonly scope: ReportScopeService,
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
    return download(query.format, name, report, summaryCsv, summaryXlsx);
  }

  @Get('overdue')
  async overdue(@CurrentUser() user: AuthUser, @Query() query: OverdueQueryDto) {
    const report = await this.overdues.overdue(user, query);
    return download(query.format, `qua-han-${report.unitCode}`, report, overdueCsv, overdueXlsx);
  }
}

async function download<T>(format: ReportFormat | undefined, name: string, report: T,
  csv: (report: T) => string, xlsx: (report: T) => Promise<Buffer>): Promise<T | StreamableFile> {
  if (format === 'csv') {
    return new StreamableFile(Buffer.from(csv(report), 'utf8'), { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${name}.csv"` });
  }
  if (format === 'xlsx') {
    return new StreamableFile(await xlsx(report), { type: XLSX, disposition: `attachment; filename="${name}.xlsx"` });
  }
  return report;
}
