import { Injectable } from '@nestjs/common';
import { AppError, type AuthUser } from '../../../common/src';
import { addUp, reportPeriod, type SummaryCounts, type SummaryLine } from '../domain/summary.rules';
import { PeriodRepository, type GroupBy } from './period.repository';
import { ReportScopeService } from './report-scope.service';

/** The II.06a table as the API returns it. */
export interface SummaryReport {
  from: string;
  to: string;
  unitCode: string;
  unitName: string;
  groupBy: GroupBy;
  lines: SummaryLine[];
  totals: SummaryCounts;
}

/** Biểu II.06a for a period and a unit subtree (rules in domain/summary.rules.ts). */
@Injectable()
export class SummaryReportService {
  constructor(
    private readonly scope: ReportScopeService,
    private readonly periods: PeriodRepository,
  ) {}

  async summary(user: AuthUser, query: { from: string; to: string; unit?: string; groupBy?: GroupBy }): Promise<SummaryReport> {
    checkPeriod(query.from, query.to);
    const { unitCode, unitName, unitCodes } = await this.scope.resolve(user, query.unit);
    const groupBy = query.groupBy ?? 'field';
    const lines = (await this.periods.summary(reportPeriod(query.from, query.to), unitCodes, groupBy)).sort((a, b) => a.key.localeCompare(b.key));
    return { from: query.from, to: query.to, unitCode, unitName, groupBy, lines, totals: addUp(lines) };
  }
}

/** 400 `PERIOD_INVALID` for a period that ends before it starts or names a day that does not exist. */
export function checkPeriod(from: string, to: string): void {
  const exists = (day: string) => {
    const date = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
  };
  if (!exists(from) || !exists(to)) throw AppError.badRequest('PERIOD_INVALID', `${from}..${to} is not a period of existing days`);
  if (from > to) throw AppError.badRequest('PERIOD_INVALID', `from ${from} is after to ${to}`);
}
