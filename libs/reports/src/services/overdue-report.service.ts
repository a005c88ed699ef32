import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type AuthUser, type Clock } from '../../../common/src';
import { WorkingCalendarService } from '../../../worktime/src';
import { lateness, type Lateness } from '../domain/lateness.rules';
import { ReportScopeService } from './report-scope.service';
import { ReportsRepository, type OverdueFilter, type OverdueRecord, type OverdueSort } from './reports.repository';

export { OVERDUE_SORTS, type OverdueSort } from './reports.repository';

/** An overdue record with its lateness now, in the working time of its unit (never negative). */
export interface OverdueItem extends OverdueRecord, Lateness {}

export interface OverdueReport {
  at: Date;
  unitCode: string;
  /** One page of the list (all of it for the exports). */
  items: OverdueItem[];
  /** Counts of the whole list, not of the page. */
  total: number;
  steps: number;
  dossiers: number;
  limit: number | null;
  offset: number;
}

export type OverdueQuery = OverdueFilter & { unit?: string; sort?: OverdueSort; limit?: number; offset?: number };

/** The page size when none is asked: what a leader reads on screen; the exports take everything. */
export const OVERDUE_DEFAULT_LIMIT = 500;

/** What is late right now: open steps past due and dossiers past their appointment. */
@Injectable()
export class OverdueReportService {
  constructor(
    private readonly scope: ReportScopeService,
    private readonly reports: ReportsRepository,
    private readonly calendars: WorkingCalendarService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** `all`: every item (exports), else one page (`limit`, default 500, from `offset`). */
  async overdue(user: AuthUser, query: OverdueQuery, all = false): Promise<OverdueReport> {
    const { unitCode, unitCodes } = await this.scope.resolve(user, query.unit);
    const at = this.clock.now();
    const limit = all ? null : (query.limit ?? OVERDUE_DEFAULT_LIMIT);
    const offset = all ? 0 : (query.offset ?? 0);
    const { records, total, steps } = await this.reports.overdue(at, unitCodes, query, {
      sort: query.sort ?? 'late',
      limit,
      offset,
    });
    const items = records.map((record) => ({
      ...record,
      ...lateness(this.calendars.calendarSync(record.unitCode), record.dueAt, at),
    }));
    return { at, unitCode, items, total, steps, dossiers: total - steps, limit, offset };
  }
}
