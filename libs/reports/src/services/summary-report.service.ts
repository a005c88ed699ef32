import { Injectable } from '@nestjs/common';
import { AppError, type AuthUser } from '../../../common/src';
import { addUp, reportPeriod, type SummaryCounts, type SummaryLine } from '../domain/summary.rules';
import { ReportScopeService } from './report-scope.service';
import { ReportsRepository, type GroupBy } from './reports.repository';

/** The II.06a table as the API returns it. */
export interface SummaryReport {
  from: string;
  to: string;
  unitCode: string;
  groupBy: GroupBy;
  lines: SummaryLine[];
  totals: SummaryCounts;
}

/** Biểu II.06a for a period and a unit subtree (rules in domain/summary.rules.ts). */
@Injectable()
export class SummaryReportService {
  constructor(
    private readonly scope: ReportScopeService,
    private readonly reports: ReportsRepository,
  ) {}

  async summary(user: AuthUser, query: { from: string; to: string; unit?: string; groupBy?: GroupBy }): Promise<SummaryReport> {
    if (query.from > query.to) throw AppError.badRequest('PERIOD_INVALID', `from ${query.from} is after to ${query.to}`);
    const { unitCode, unitCodes } = await this.scope.resolve(user, query.unit);
    const groupBy = query.groupBy ?? 'field';
    const lines = (await this.reports.summary(reportPeriod(query.from, query.to), unitCodes, groupBy)).sort((a, b) => a.key.localeCompare(b.key));
    return { from: query.from, to: query.to, unitCode, groupBy, lines, totals: addUp(lines) };
  }
}
