import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, type AuthUser } from '../../../common/src';
import { completedStepsOf, latestDiagramOf } from '../../../workflow/src';
import { WorkingCalendarService } from '../../../worktime/src';
import { heatmapElement, type HeatmapElement } from '../domain/heatmap.rules';
import { reportPeriod } from '../domain/summary.rules';
import { daysIn } from '../domain/trend.weeks';
import { withoutJit } from './report-reads';
import { ReportScopeService } from './report-scope.service';
import { ReportsRepository } from './reports.repository';
import { checkPeriod } from './summary-report.service';

/** The longest heatmap period: a year and a bit, as the trend. */
const MAX_HEATMAP_DAYS = 371;

/** `GET /api/reports/heatmap`: one procedure's diagram and, per element, its steps completed in the period. */
export interface HeatmapReport {
  procedureCode: string;
  procedureName: string;
  from: string;
  to: string;
  unitCode: string;
  unitName: string;
  /** The diagram shown: the latest deployed version of the procedure's process. */
  processKey: string;
  version: number;
  xml: string;
  /** Elements with at least one step completed in the period, by element id. */
  elements: HeatmapElement[];
  totals: { completed: number; overdue: number };
}

/**
 * The process heatmap (issue 19 item 5): for each step of a procedure's diagram, the steps completed
 * within the period by the units of the caller's subtree, their median working time (each step's
 * unit calendar: holidays and office hours) and how many were completed after their due time.
 */
@Injectable()
export class HeatmapReportService {
  constructor(
    private readonly db: DataSource,
    private readonly scope: ReportScopeService,
    private readonly reports: ReportsRepository,
    private readonly calendars: WorkingCalendarService,
  ) {}

  async heatmap(
    user: AuthUser,
    query: { procedure: string; from: string; to: string; unit?: string },
  ): Promise<HeatmapReport> {
    checkPeriod(query.from, query.to);
    if (daysIn(query.from, query.to) > MAX_HEATMAP_DAYS) {
      throw AppError.badRequest('PERIOD_TOO_LONG', `A heatmap covers at most ${MAX_HEATMAP_DAYS} days`, {
        maxDays: MAX_HEATMAP_DAYS,
      });
    }
    const { unitCode, unitName, unitCodes } = await this.scope.resolve(user, query.unit);
    const procedure = await this.reports.procedureProcess(query.procedure);
    if (!procedure) throw AppError.notFound('PROCEDURE_NOT_FOUND', `Procedure ${query.procedure} not found`);
    const { start, end } = reportPeriod(query.from, query.to);
    const [diagram, groups] = await withoutJit(
      this.db,
      async (db) =>
        [
          await latestDiagramOf(db, procedure.processKey),
          await completedStepsOf(db, { procedureCode: procedure.code, start, end, unitCodes }),
        ] as const,
    );
    if (!diagram) throw AppError.notFound('DEFINITION_NOT_FOUND', `No process "${procedure.processKey}" is deployed`);
    await this.calendars.preload();
    const byElement = new Map<string, { name: string; workingMs: number[]; overdue: number }>();
    for (const group of groups) {
      const calendar = this.calendars.calendarSync(group.unitCode);
      const element = byElement.get(group.elementId) ?? { name: group.name, workingMs: [], overdue: 0 };
      for (let i = 0; i < group.createdMs.length; i++) {
        element.workingMs.push(
          Math.max(0, calendar.workingMillisBetween(new Date(group.createdMs[i]), new Date(group.completedMs[i]))),
        );
      }
      element.overdue += group.overdue;
      byElement.set(group.elementId, element);
    }
    const elements = [...byElement.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([elementId, e]) => heatmapElement(elementId, e.name, e.workingMs, e.overdue));
    return {
      procedureCode: procedure.code,
      procedureName: procedure.name,
      from: query.from,
      to: query.to,
      unitCode,
      unitName,
      processKey: procedure.processKey,
      version: diagram.version,
      xml: diagram.xml,
      elements,
      totals: {
        completed: elements.reduce((n, e) => n + e.completed, 0),
        overdue: elements.reduce((n, e) => n + e.overdue, 0),
      },
    };
  }
}
