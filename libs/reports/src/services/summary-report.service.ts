import { Injectable } from '@nestjs/common';
import { AppError, type AuthUser } from '../../../common/src';
import { rollUp } from '../domain/summary.rollup';
import { addUp, reportPeriod, type SummaryCounts, type SummaryLine } from '../domain/summary.rules';
import { KEY_SEPARATOR, PeriodRepository, type GroupBy } from './period.repository';
import { ReportScopeService } from './report-scope.service';
import { ReportsRepository } from './reports.repository';

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

/** The II.06a table of a period three ways at once, for the dashboard. */
export interface SummaryBreakdown {
  from: string;
  to: string;
  unitCode: string;
  unitName: string;
  byField: SummaryLine[];
  byUnit: SummaryLine[];
  byProcedure: SummaryLine[];
  totals: SummaryCounts;
}

/** Biểu II.06a for a period and a unit subtree (rules in domain/summary.rules.ts). */
@Injectable()
export class SummaryReportService {
  constructor(
    private readonly scope: ReportScopeService,
    private readonly periods: PeriodRepository,
    private readonly reports: ReportsRepository,
  ) {}

  /** The table by field, by unit and by procedure from one count by unit and procedure (one pass over the dossiers instead of three). */
  async breakdown(user: AuthUser, query: { from: string; to: string; unit?: string }): Promise<SummaryBreakdown> {
    checkPeriod(query.from, query.to);
    const { unitCode, unitName, unitCodes } = await this.scope.resolve(user, query.unit);
    const lines = await this.periods.summary(reportPeriod(query.from, query.to), unitCodes, 'unitProcedure');
    const split = (line: SummaryLine) => line.key.split(KEY_SEPARATOR) as [string, string];
    const [procedures, units] = await Promise.all([
      this.reports.procedures([...new Set(lines.map((l) => split(l)[1]))]),
      this.reports.unitNames([...new Set(lines.map((l) => split(l)[0]))]),
    ]);
    const procedureOf = new Map(procedures.map((p) => [p.code, p]));
    const unitNameOf = new Map(units.map((u) => [u.code, u.name]));
    const field = (line: SummaryLine) => procedureOf.get(split(line)[1])?.field ?? '';
    return {
      from: query.from,
      to: query.to,
      unitCode,
      unitName,
      byField: rollUp(lines, (l) => ({ key: field(l), name: field(l) })),
      byUnit: rollUp(lines, (l) => ({ key: split(l)[0], name: unitNameOf.get(split(l)[0]) ?? split(l)[0] })),
      byProcedure: rollUp(lines, (l) => ({ key: split(l)[1], name: l.name })),
      totals: addUp(lines),
    };
  }

  async summary(
    user: AuthUser,
    query: { from: string; to: string; unit?: string; groupBy?: GroupBy },
  ): Promise<SummaryReport> {
    checkPeriod(query.from, query.to);
    const { unitCode, unitName, unitCodes } = await this.scope.resolve(user, query.unit);
    const groupBy = query.groupBy ?? 'field';
    const lines = (await this.periods.summary(reportPeriod(query.from, query.to), unitCodes, groupBy)).sort((a, b) =>
      a.key.localeCompare(b.key),
    );
    return { from: query.from, to: query.to, unitCode, unitName, groupBy, lines, totals: addUp(lines) };
  }
}

/** 400 `PERIOD_INVALID` for a period that ends before it starts or names a day that does not exist. */
export function checkPeriod(from: string, to: string): void {
  const exists = (day: string) => {
    const date = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
  };
  if (!exists(from) || !exists(to))
    throw AppError.badRequest('PERIOD_INVALID', `${from}..${to} is not a period of existing days`);
  if (from > to) throw AppError.badRequest('PERIOD_INVALID', `from ${from} is after to ${to}`);
}
