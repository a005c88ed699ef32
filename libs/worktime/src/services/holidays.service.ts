import { Inject, Injectable, Optional } from '@nestjs/common';
import { AppError, AUDIT_LOG, CLOCK, systemClock, type AuditLog, type AuthUser, type Clock } from '../../../common/src';
import {
  defaultHolidays,
  type HolidayTable,
  type NamedDay,
  parseHolidayInput,
  vietnamYear,
} from '../../../calendar/src';
import { withCalendarErrors } from '../calendar-error.mapper';
import { HolidayTablesRepository, type StoredHolidayTable } from '../repositories/holiday-tables.repository';
import { WorkingCalendarService } from './working-calendar.service';

/** A year's holidays and swapped working days, and whether an admin edited them. */
export interface HolidayTableView {
  year: number;
  holidays: NamedDay[];
  workingDays: NamedDay[];
  source: 'default' | 'custom';
  updatedBy: string | null;
  updatedAt: string | null;
}

/** The admin-maintained holiday table of each year (DESIGN §4): read, replace, back to defaults. */
@Injectable()
export class HolidaysService {
  constructor(
    private readonly tables: HolidayTablesRepository,
    private readonly calendars: WorkingCalendarService,
    @Optional() @Inject(AUDIT_LOG) private readonly audit?: AuditLog,
    @Optional() @Inject(CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  /** The year's table: the saved one, else the computed defaults. `year` defaults to the current year in Vietnam. */
  async get(year = vietnamYear(this.clock.now())): Promise<HolidayTableView> {
    const stored = await this.tables.find(year);
    return stored ? toView(stored, 'custom') : this.defaultsOf(year);
  }

  /**
   * Replaces the year's table with the admin's (the government's published schedule).
   * Nothing is saved unless every entry is valid: 400 CALENDAR_INVALID_HOLIDAYS lists each problem.
   */
  async save(year: number | undefined, body: unknown, actor: AuthUser): Promise<HolidayTableView> {
    const input = (typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {}) as Record<
      string,
      unknown
    >;
    const target = year ?? (typeof input.year === 'number' ? input.year : undefined);
    if (target === undefined) throw AppError.badRequest('CALENDAR_INVALID_YEAR', 'Give the year to save: ?year=2027');
    const table = withCalendarErrors(() => parseHolidayInput({ ...input, year: input.year ?? target }, target));
    const before = await this.get(target);
    const saved = await this.tables.save(table, actor.username);
    await this.calendars.changed();
    await this.audit?.record({
      actor: actor.username,
      action: 'calendar.holidays.updated',
      subject: String(target),
      data: { before: daysOf(before), after: daysOf(table) },
    });
    return toView(saved, 'custom');
  }

  /** Drops the year's saved table: the computed defaults apply again. */
  async reset(year: number | undefined, actor: AuthUser): Promise<HolidayTableView> {
    if (year === undefined) throw AppError.badRequest('CALENDAR_INVALID_YEAR', 'Give the year to reset: ?year=2027');
    const before = await this.tables.find(year);
    if (before) {
      await this.tables.remove(year);
      await this.calendars.changed();
      await this.audit?.record({
        actor: actor.username,
        action: 'calendar.holidays.reset',
        subject: String(year),
        data: { before: daysOf(before) },
      });
    }
    return this.defaultsOf(year);
  }

  private defaultsOf(year: number): HolidayTableView {
    const table = withCalendarErrors(() => defaultHolidays(year));
    return {
      year,
      holidays: [...table.holidays],
      workingDays: [...table.workingDays],
      source: 'default',
      updatedBy: null,
      updatedAt: null,
    };
  }
}

function toView(stored: StoredHolidayTable, source: 'custom'): HolidayTableView {
  return {
    year: stored.year,
    holidays: [...stored.holidays],
    workingDays: [...stored.workingDays],
    source,
    updatedBy: stored.updatedBy,
    updatedAt: stored.updatedAt.toISOString(),
  };
}

function daysOf(table: Pick<HolidayTable, 'holidays' | 'workingDays'>): Record<string, unknown> {
  return { holidays: table.holidays, workingDays: table.workingDays };
}
