import { Module } from '@nestjs/common';
import { ReportsController } from './controllers/reports.controller';
import { HeatmapReportService } from './services/heatmap-report.service';
import { OverdueReportService } from './services/overdue-report.service';
import { PeriodRepository } from './services/period.repository';
import { PeriodicReportService } from './services/periodic-report.service';
import { RatingsReportService } from './services/ratings-report.service';
import { ReportScopeService } from './services/report-scope.service';
import { ReportsRepository } from './services/reports.repository';
import { SummaryReportService } from './services/summary-report.service';
import { TrendReportService } from './services/trend-report.service';

/** Leaders' reports (issue 6): Biểu II.06a, the periodic report, the weekly trend and the overdue list. Reads the dossier and task tables; needs the global identity, worktime and clock modules. */
@Module({
  controllers: [ReportsController],
  providers: [
    ReportsRepository,
    PeriodRepository,
    ReportScopeService,
    SummaryReportService,
    PeriodicReportService,
    TrendReportService,
    OverdueReportService,
    HeatmapReportService,
    RatingsReportService,
  ],
  exports: [SummaryReportService, PeriodicReportService, OverdueReportService],
})
export class ReportsModule {}
