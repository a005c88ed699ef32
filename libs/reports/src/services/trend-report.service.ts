import { Injectable } from '@nestjs/common';
import { AppError, type AuthUser } from '../../../common/src';
import { reportPeriod } from '../domain/summary.rules';
import { daysIn, weeksOf } from '../domain/trend.weeks';
import { PeriodRepository, type TrendWeek } from './period.repository';
import { ReportScopeService } from './report-scope.service';
import { checkPeriod } from './summary-report.service';

/** The longest trend: a year and a bit, so a chart stays readable and the query bounded. */
const MAX_TREND_DAYS = 371;

export interface TrendReport {
  from: string;
  to: string;
  unitCode: string;
  /** Every week meeting the period, Monday first; a week at either end counts only the days inside the period. */
  weeks: TrendWeek[];
}

/** Weekly received and resolved dossiers, for the dashboard's trend chart. */
@Injectable()
export class TrendReportService {
  constructor(
    private readonly scope: ReportScopeService,
    private readonly periods: PeriodRepository,
  ) {}

  async trend(user: AuthUser, query: { from: string; to: string; unit?: string }): Promise<TrendReport> {
    checkPeriod(query.from, query.to);
    if (daysIn(query.from, query.to) > MAX_TREND_DAYS) {
      throw AppError.badRequest('PERIOD_TOO_LONG', `A trend covers at most ${MAX_TREND_DAYS} days`, {
        maxDays: MAX_TREND_DAYS,
      });
    }
    const { unitCode, unitCodes } = await this.scope.resolve(user, query.unit);
    const found = new Map(
      (await this.periods.trend(reportPeriod(query.from, query.to), unitCodes)).map((w) => [w.week, w]),
    );
    const weeks = weeksOf(query.from, query.to).map(
      (week) => found.get(week) ?? { week, received: 0, resolved: 0, resolvedLate: 0 },
    );
    return { from: query.from, to: query.to, unitCode, weeks };
  }
}
