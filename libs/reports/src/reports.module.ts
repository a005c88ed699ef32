import { Module } from '@nestjs/common';
import { ReportsController } from './controllers/reports.controller';
import { OverdueReportService } from './services/overdue-report.service';
import { ReportScopeService } from './services/report-scope.service';
import { ReportsRepository } from './services/reports.repository';
import { SummaryReportService } from './services/summary-report.service';

/** Leaders' reports (issue 6): Biểu II.06a and the overdue list. Reads the dossier and task tables; needs the global identity, worktime and clock modules. */
@Module({
  controllers: [ReportsController],
  providers: [ReportsRepository, ReportScopeService, SummaryReportService, OverdueReportService],
  exports: [SummaryReportService, OverdueReportService],
})
export class ReportsModule {}
