import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type AuthUser, type Clock } from '../../../common/src';
import { WorkingCalendarService } from '../../../worktime/src';
import { lateness, type Lateness } from '../domain/lateness.rules';
import { ReportScopeService } from './report-scope.service';
import { ReportsRepository, type OverdueRecord } from './reports.repository';

export const OVERDUE_SORTS = ['late', 'due', 'unit', 'procedure', 'assignee'] as const;
export type OverdueSort = (typeof OVERDUE_SORTS)[number];

/** An overdue record with its lateness now, in the working time of its unit (never negative). */
export interface OverdueItem extends OverdueRecord, Lateness {}

export interface OverdueReport {
  at: Date;
  unitCode: string;
  items: OverdueItem[];
  total: number;
  steps: number;
  dossiers: number;
}

/** What is late right now: open steps past due and dossiers past their appointment. */
@Injectable()
export class OverdueReportService {
  constructor(
    private readonly scope: ReportScopeService,
    private readonly reports: ReportsRepository,
    private readonly calendars: WorkingCalendarService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async overdue(user: AuthUser, query: { unit?: string; procedure?: string; assignee?: string; sort?: OverdueSort }): Promise<OverdueReport> {
    const { unitCode, unitCodes } = await this.scope.resolve(user, query.unit);
    const at = this.clock.now();
    const records = await this.reports.overdue(at, unitCodes, query);
    const items = records.map((record) => ({ ...record, ...lateness(this.calendars.calendarSync(record.unitCode), record.dueAt, at) }));
    items.sort(comparator(query.sort ?? 'late'));
    return { at, unitCode, items, total: items.length, steps: items.filter((i) => i.kind === 'step').length, dossiers: items.filter((i) => i.kind === 'dossier').length };
  }
}

function comparator(sort: OverdueSort): (a: OverdueItem, b: OverdueItem) => number {
  const text = (value: string | null) => value ?? '\uffff';
  const byDue = (a: OverdueItem, b: OverdueItem) => a.dueAt.getTime() - b.dueAt.getTime();
  switch (sort) {
    case 'due': return byDue;
    case 'unit': return (a, b) => a.unitCode.localeCompare(b.unitCode) || byDue(a, b);
    case 'procedure': return (a, b) => text(a.procedureCode).localeCompare(text(b.procedureCode)) || byDue(a, b);
    case 'assignee': return (a, b) => text(a.assignee).localeCompare(text(b.assignee)) || byDue(a, b);
    default: return (a, b) => b.lateWorkingMs - a.lateWorkingMs || byDue(a, b);
  }
}
