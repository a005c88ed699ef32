import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../../common/src';
import { WorkingCalendarService } from '../../../worktime/src';
import {
  addTallies,
  figuresOf,
  periodicPeriod,
  tallyOf,
  type PeriodicFigures,
  type PeriodicHalf,
  type PeriodicTally,
} from '../domain/periodic.rules';
import { reportPeriod } from '../domain/summary.rules';
import { KEY_SEPARATOR, PeriodRepository, type ResolvedDossier } from './period.repository';
import { ReportScopeService } from './report-scope.service';
import { ReportsRepository } from './reports.repository';

export interface PeriodicProcedureLine extends PeriodicFigures {
  code: string;
  name: string;
}

export interface PeriodicUnitLine extends PeriodicFigures {
  code: string;
  name: string;
  procedures: PeriodicProcedureLine[];
}

/** The periodic report as the API returns it. */
export interface PeriodicReport {
  year: number;
  /** 1 or 2 for a half-year, null for the whole year. */
  half: PeriodicHalf | null;
  from: string;
  to: string;
  unitCode: string;
  unitName: string;
  /** Processing time is counted in working days of each unit's calendar, supplement waits left out. */
  timeBasis: 'working_days';
  units: PeriodicUnitLine[];
  totals: PeriodicFigures;
}

/** Six-monthly and yearly report on use of the system, per receiving unit and procedure. */
@Injectable()
export class PeriodicReportService {
  constructor(
    private readonly scope: ReportScopeService,
    private readonly periods: PeriodRepository,
    private readonly reports: ReportsRepository,
    private readonly calendars: WorkingCalendarService,
  ) {}

  async periodic(user: AuthUser, query: { year: number; half?: PeriodicHalf; unit?: string }): Promise<PeriodicReport> {
    const { unitCode, unitName, unitCodes } = await this.scope.resolve(user, query.unit);
    const { from, to } = periodicPeriod(query.year, query.half);
    const period = reportPeriod(from, to);
    const [lines, resolved, names, fees] = await Promise.all([
      this.periods.summary(period, unitCodes, 'unitProcedure'),
      this.periods.resolved(period, unitCodes),
      this.reports.units(unitCodes),
      this.periods.onlineFees(period, unitCodes),
    ]);
    await this.calendars.preload();
    const days = this.processingDays(resolved);
    const byUnit = new Map<string, PeriodicProcedureLine[]>();
    const tallies = new Map<string, PeriodicTally>();
    for (const line of lines) {
      const [unit, procedure] = line.key.split(KEY_SEPARATOR);
      const fee = fees.get(line.key);
      const tally = {
        ...tallyOf(line),
        processingDays: days.get(line.key) ?? 0,
        feesPaidOnline: fee?.paid ?? 0,
        feesCollectedOnline: fee?.amount ?? 0,
      };
      tallies.set(line.key, tally);
      byUnit.set(unit, [...(byUnit.get(unit) ?? []), { code: procedure, name: line.name, ...figuresOf(tally) }]);
    }
    const unitNames = new Map(names.map((u) => [u.code, u.name]));
    const units = [...byUnit.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, procedures]) => ({
        code,
        name: unitNames.get(code) ?? code,
        ...figuresOf(addTallies(procedures.map((p) => tallies.get(`${code}${KEY_SEPARATOR}${p.code}`)!))),
        procedures: procedures.sort((a, b) => a.code.localeCompare(b.code)),
      }));
    return {
      year: query.year,
      half: query.half ?? null,
      from,
      to,
      unitCode,
      unitName,
      timeBasis: 'working_days',
      units,
      totals: figuresOf(addTallies([...tallies.values()])),
    };
  }

  /** Working days from receipt to finish, less the supplement waits, summed per unit and procedure. */
  private processingDays(resolved: ResolvedDossier[]): Map<string, number> {
    const sums = new Map<string, number>();
    for (const dossier of resolved) {
      const calendar = this.calendars.calendarSync(dossier.unitCode);
      const workingMs = Math.max(
        0,
        calendar.workingMillisBetween(dossier.receivedAt, dossier.finishedAt) - dossier.pausedMs,
      );
      const key = `${dossier.unitCode}${KEY_SEPARATOR}${dossier.procedureCode}`;
      sums.set(key, (sums.get(key) ?? 0) + workingMs / calendar.workingDayMs);
    }
    return sums;
  }
}
