import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { normalizeStepDuration, type OfficeHours, type WorkingCalendar, type WorkingTime } from '../../../calendar/src';
import { HolidayTablesRepository } from '../repositories/holiday-tables.repository';
import { OfficeHoursRepository } from '../repositories/office-hours.repository';
import { WORKTIME_CONFIG, type WorktimeConfig } from '../worktime.config';
import { CalendarSnapshot, type WorktimeTables } from './calendar.snapshot';
import { usableOfficeHours } from './office-hours.check';
import { RefreshingCache } from './refreshing.cache';

/**
 * The province's working calendars, loaded from the database (holiday tables, office hours).
 *
 * Async callers use `forUnit()`, which reloads when the tables are older than
 * `CALENDAR_REFRESH_MS` (30 s). Engine commands are synchronous, so `calendarSync()`, `add()`
 * and `dueAt()` read the tables already in memory: they are loaded at module init
 * (`preload()`), reloaded on a timer every `CALENDAR_REFRESH_MS`, and at once after an edit in
 * this process. Another process's edit therefore applies here within that interval.
 *
 * It implements libs/calendar's `WorkingTime` port (`add`, `calendarSync`), so it is bound to
 * workflow's `WORKING_TIME` as it is: step deadlines and `mc:workingTime` timers count through it.
 */
@Injectable()
export class WorkingCalendarService implements WorkingTime, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('WorkingCalendar');
  private readonly cache: RefreshingCache<CalendarSnapshot>;
  private timer: NodeJS.Timeout | undefined;
  private readonly notLoaded = CalendarSnapshot.defaults();
  private warnedNotLoaded = false;
  /** Bad `units.office_hours` values already logged, so a reload every 30 s does not repeat them. */
  private readonly warnedUnits = new Set<string>();

  constructor(
    private readonly holidayTables: HolidayTablesRepository,
    private readonly officeHours: OfficeHoursRepository,
    @Inject(WORKTIME_CONFIG) private readonly config: WorktimeConfig,
  ) {
    // TTL is measured in wall time (Date.now), not the injectable business clock.
    this.cache = new RefreshingCache(() => this.load(), Date.now, config.refreshMs);
  }

  async onModuleInit(): Promise<void> {
    await this.preload();
    this.timer = setInterval(() => void this.refreshQuietly(), this.config.refreshMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** Loads the tables if they are not loaded and fresh; the sync helpers need it done once (module init does it). */
  async preload(): Promise<void> {
    await this.cache.get();
  }

  /** Reloads now; call after changing holidays or office hours. A failed reload leaves the tables stale, to be reloaded on next use. */
  async changed(): Promise<void> {
    await this.cache.reload().catch((error: unknown) => {
      this.cache.expire();
      this.logger.error(`Reloading the calendar failed: ${String(error)}`);
    });
  }

  /** The calendar of a unit (its own office hours, else the province default), from tables at most `CALENDAR_REFRESH_MS` old. */
  async forUnit(unitCode?: string | null): Promise<WorkingCalendar> {
    return (await this.cache.get()).calendarFor(unitCode);
  }

  /** Same as `forUnit`, synchronously, from the tables in memory (defaults only if never loaded). */
  calendarSync(unitCode?: string | null): WorkingCalendar {
    if (!this.cache.isFresh()) void this.refreshQuietly();
    return this.loadedSnapshot().calendarFor(unitCode);
  }

  /** `WorkingTime.add`: `from` plus a working duration (`P2D`, `PT4H`, also `2d`/`4h`) in the unit's calendar; throws CalendarError on a bad duration. */
  readonly add = (from: Date, isoDuration: string, unitCode?: string): Date =>
    this.calendarSync(unitCode).addWorkingTime(from, normalizeStepDuration(isoDuration) ?? isoDuration);

  /** A `WorkingTime` whose `add` counts in `unitCode`'s calendar unless a unit is passed to it. */
  workingTimeFor(unitCode?: string): WorkingTime {
    return { add: (from, isoDuration, unit) => this.add(from, isoDuration, unit ?? unitCode) };
  }

  private loadedSnapshot(): CalendarSnapshot {
    const loaded = this.cache.peek();
    if (loaded) return loaded;
    if (!this.warnedNotLoaded) {
      this.warnedNotLoaded = true;
      this.logger.warn('Calendar used before preload(): default holidays and office hours apply until it loads');
    }
    return this.notLoaded;
  }

  private async refreshQuietly(): Promise<void> {
    await this.cache
      .get()
      .catch((error: unknown) => this.logger.error(`Reloading the calendar failed: ${String(error)}`));
  }

  private async load(): Promise<CalendarSnapshot> {
    const [holidayTables, provinceDefault, units] = await Promise.all([
      this.holidayTables.all(),
      this.officeHours.provinceDefault(),
      this.officeHours.unitsWithOwnHours(),
    ]);
    const unitHours = new Map<string, OfficeHours>();
    for (const unit of units) {
      const hours = usableOfficeHours(unit.officeHours);
      if (hours) {
        unitHours.set(unit.code, hours);
        continue;
      }
      const stored = `${unit.code} ${JSON.stringify(unit.officeHours)}`;
      if (!this.warnedUnits.has(stored))
        this.logger.warn(`Unit ${stored}: unusable office_hours; the province default applies`);
      this.warnedUnits.add(stored);
    }
    const tables: WorktimeTables = { holidayTables, defaultHours: usableOfficeHours(provinceDefault), unitHours };
    return new CalendarSnapshot(tables);
  }
}
