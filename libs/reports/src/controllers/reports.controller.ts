import { applyDecorators, Controller, Get, Inject, Query, StreamableFile, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import {
  ApiErrors,
  asWire,
  CLOCK,
  CurrentUser,
  Roles,
  type AuthUser,
  type Clock,
  type Wire,
} from '../../../common/src';
import {
  HeatmapReportDto,
  OverdueReportDto,
  PeriodicReportDto,
  RatingsReportDto,
  ReportUnitListDto,
  SummaryBreakdownDto,
  SummaryReportDto,
  TrendReportDto,
} from '../dtos/report.dto';
import {
  HeatmapQueryDto,
  OverdueQueryDto,
  PeriodicQueryDto,
  RatingsQueryDto,
  SummaryQueryDto,
  TrendQueryDto,
  type ReportFormat,
} from '../dtos/report-query.dto';
import { overdueCsv, overdueXlsx } from '../export/overdue.export';
import { periodicCsv, periodicPdf, periodicXlsx } from '../export/periodic.export';
import { ratingsCsv, ratingsXlsx } from '../export/ratings.export';
import { summaryCsv, summaryPdf, summaryXlsx } from '../export/summary.export';
import { HeatmapReportService } from '../services/heatmap-report.service';
import { OverdueReportService } from '../services/overdue-report.service';
import { PeriodicReportService } from '../services/periodic-report.service';
import { RatingsReportService } from '../services/ratings-report.service';
import { REPORT_ROLES, ReportScopeService } from '../services/report-scope.service';
import { SummaryReportService } from '../services/summary-report.service';
import { TrendReportService } from '../services/trend-report.service';

const TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

/** How a report is written as each download format (PDF is stamped with the time it is printed). */
type Exporters<T> = {
  csv: (report: T) => string;
  xlsx: (report: T) => Promise<Buffer>;
  pdf?: (report: T, printedAt: Date) => Promise<Buffer>;
};

/** JSON, or with `?format=` the file in one of `formats`. */
function ReportResponse(dto: Type, formats: readonly (keyof typeof TYPES)[]) {
  const files = Object.fromEntries(
    formats.map((format) => [TYPES[format], { schema: { type: 'string' as const, format: 'binary' } }]),
  );
  return applyDecorators(
    ApiExtraModels(dto),
    ApiProduces('application/json', ...formats.map((format) => TYPES[format])),
    ApiOkResponse({
      description: `JSON; with ?format=${formats.join('|')} an attachment`,
      content: { 'application/json': { schema: { $ref: getSchemaPath(dto) } }, ...files },
    }),
  );
}

/** Leaders' reports (DESIGN §6): JSON, or `?format=csv|xlsx|pdf` as a download. */
@ApiTags('reports')
@Controller('api/reports')
@Roles(...REPORT_ROLES)
export class ReportsController {
  constructor(
    private readonly summaries: SummaryReportService,
    private readonly periodics: PeriodicReportService,
    private readonly trends: TrendReportService,
    private readonly overdues: OverdueReportService,
    private readonly heatmaps: HeatmapReportService,
    private readonly ratings: RatingsReportService,
    private readonly scope: ReportScopeService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The units the caller may pick (their subtree), for the dashboard's unit picker. */
  @Get('units')
  @ApiOperation({ summary: 'The units the caller may pick: their own and those below' })
  @ApiErrors({ 403: ['REPORT_SCOPE'] })
  @ApiOkResponse({ type: ReportUnitListDto })
  units(@CurrentUser() user: AuthUser): Promise<ReportUnitListDto> {
    return this.scope.unitsOf(user);
  }

  @Get('summary')
  @ApiOperation({ summary: 'Biểu II.06a for a period and a unit subtree, grouped by field, procedure or unit' })
  @ApiErrors({ 400: ['PERIOD_INVALID', 'VALIDATION_FAILED'], 403: ['REPORT_SCOPE'] })
  @ReportResponse(SummaryReportDto, ['csv', 'xlsx', 'pdf'])
  async summary(
    @CurrentUser() user: AuthUser,
    @Query() query: SummaryQueryDto,
  ): Promise<SummaryReportDto | StreamableFile> {
    const report = await this.summaries.summary(user, query);
    const name = `bieu-II.06a-${report.unitCode}-${report.from}-${report.to}`;
    return this.download(query.format, name, report, { csv: summaryCsv, xlsx: summaryXlsx, pdf: summaryPdf });
  }

  /** The period's table by field, unit and procedure in one read (the dashboard). */
  @Get('breakdown')
  @ApiOperation({ summary: "The period's II.06a table by field, unit and procedure in one read (the dashboard)" })
  @ApiErrors({ 400: ['PERIOD_INVALID', 'VALIDATION_FAILED'], 403: ['REPORT_SCOPE'] })
  @ApiOkResponse({ type: SummaryBreakdownDto })
  breakdown(@CurrentUser() user: AuthUser, @Query() query: TrendQueryDto): Promise<SummaryBreakdownDto> {
    return this.summaries.breakdown(user, query);
  }

  @Get('periodic')
  @ApiOperation({ summary: 'The six-monthly or yearly report per receiving unit and procedure' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 403: ['REPORT_SCOPE'] })
  @ReportResponse(PeriodicReportDto, ['csv', 'xlsx', 'pdf'])
  async periodic(
    @CurrentUser() user: AuthUser,
    @Query() query: PeriodicQueryDto,
  ): Promise<PeriodicReportDto | StreamableFile> {
    const report = await this.periodics.periodic(user, query);
    const name = `bao-cao-dinh-ky-${report.unitCode}-${report.year}${report.half ? `-${report.half === 1 ? 'dau' : 'cuoi'}-nam` : ''}`;
    return this.download(query.format, name, report, { csv: periodicCsv, xlsx: periodicXlsx, pdf: periodicPdf });
  }

  @Get('trend')
  @ApiOperation({ summary: 'Weekly received and resolved dossiers of a period (at most a year)' })
  @ApiErrors({ 400: ['PERIOD_INVALID', 'PERIOD_TOO_LONG', 'VALIDATION_FAILED'], 403: ['REPORT_SCOPE'] })
  @ApiOkResponse({ type: TrendReportDto })
  trend(@CurrentUser() user: AuthUser, @Query() query: TrendQueryDto): Promise<TrendReportDto> {
    return this.trends.trend(user, query);
  }

  /** The process heatmap (issue 19 item 5): the web app asks once per period to set two side by side. */
  @Get('heatmap')
  @ApiOperation({
    summary:
      "A procedure's diagram with each step's completed count, median working time and overdue rate over a period",
  })
  @ApiErrors({
    400: ['PERIOD_INVALID', 'PERIOD_TOO_LONG', 'VALIDATION_FAILED'],
    403: ['REPORT_SCOPE'],
    404: ['PROCEDURE_NOT_FOUND', 'DEFINITION_NOT_FOUND'],
  })
  @ApiOkResponse({ type: HeatmapReportDto })
  heatmap(@CurrentUser() user: AuthUser, @Query() query: HeatmapQueryDto): Promise<HeatmapReportDto> {
    return this.heatmaps.heatmap(user, query);
  }

  @Get('overdue')
  @ApiOperation({ summary: 'What is late now: open steps past due and dossiers past their appointment' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 403: ['REPORT_SCOPE'] })
  @ReportResponse(OverdueReportDto, ['csv', 'xlsx'])
  async overdue(
    @CurrentUser() user: AuthUser,
    @Query() query: OverdueQueryDto,
  ): Promise<OverdueReportDto | StreamableFile> {
    const report = await this.overdues.overdue(user, query, query.format === 'csv' || query.format === 'xlsx');
    return this.download(query.format, `qua-han-${report.unitCode}`, report, { csv: overdueCsv, xlsx: overdueXlsx });
  }

  /** Satisfaction ratings (issue 18 item 6, ADR 0030) by unit or procedure over a period. */
  @Get('ratings')
  @ApiOperation({
    summary: 'Satisfaction ratings of a period by unit or procedure: count, mean per criterion, share satisfied',
  })
  @ApiErrors({ 400: ['PERIOD_INVALID', 'VALIDATION_FAILED'], 403: ['REPORT_SCOPE'] })
  @ReportResponse(RatingsReportDto, ['csv', 'xlsx'])
  async ratingsReport(
    @CurrentUser() user: AuthUser,
    @Query() query: RatingsQueryDto,
  ): Promise<RatingsReportDto | StreamableFile> {
    const report = await this.ratings.report(user, query);
    const name = `danh-gia-hai-long-${report.unitCode}-${report.from}-${report.to}`;
    return this.download(query.format, name, report, { csv: ratingsCsv, xlsx: ratingsXlsx });
  }

  private async download<T>(
    format: ReportFormat | undefined,
    name: string,
    report: T,
    exporters: Exporters<T>,
  ): Promise<Wire<T> | StreamableFile> {
    const file = (body: Buffer, type: keyof typeof TYPES) =>
      new StreamableFile(body, { type: TYPES[type], disposition: `attachment; filename="${name}.${type}"` });
    if (format === 'csv') return file(Buffer.from(exporters.csv(report), 'utf8'), 'csv');
    if (format === 'xlsx') return file(await exporters.xlsx(report), 'xlsx');
    if (format === 'pdf' && exporters.pdf) return file(await exporters.pdf(report, this.clock.now()), 'pdf');
    return asWire(report);
  }
}
