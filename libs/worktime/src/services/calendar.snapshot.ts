import { DEFAULT_OFFICE_HOURS, type HolidayTable, type OfficeHours, WorkingCalendar } from '../../../calendar/src';

/** Everything the calendars are built from, as loaded from the database at one moment. */
export interface WorktimeTables {
  /** Years an admin edited; other years use `defaultHolidays(year)`. */
  readonly holidayTables: readonly HolidayTable[];
  /** The province's default sessions; undefined = 07:00–11:30, 13:30–17:00. */
  readonly defaultHours?: OfficeHours;
  /** Units with their own sessions, by unit code. */
  readonly unitHours: ReadonlyMap<string, OfficeHours>;
}

/** Whose office hours apply to a unit. */
export interface OfficeHoursChoice {
  readonly sessions: OfficeHours;
  readonly source: 'default' | 'unit';
}

/**
 * Immutable calendars of one load. Units sharing the same sessions share one WorkingCalendar,
 * which caches its flattened years, so repeated deadlines never rebuild a year.
 */
export class CalendarSnapshot {
  private readonly calendars = new Map<string, WorkingCalendar>();

  constructor(readonly tables: WorktimeTables) {}

  /** An empty snapshot: default holidays of every year, default hours. */
  static defaults(): CalendarSnapshot {
    return new CalendarSnapshot({ holidayTables: [], unitHours: new Map() });
  }

  /** The unit's own sessions, else the province default (also for unknown or missing codes). */
  officeHoursOf(unitCode?: string | null): OfficeHoursChoice {
    const own = unitCode ? this.tables.unitHours.get(unitCode) : undefined;
    if (own) return { sessions: own, source: 'unit' };
    return { sessions: this.tables.defaultHours ?? DEFAULT_OFFICE_HOURS, source: 'default' };
  }

  /** The stored table of a year, if an admin edited it. */
  storedTable(year: number): HolidayTable | undefined {
    return this.tables.holidayTables.find((table) => table.year === year);
  }

  calendarFor(unitCode?: string | null): WorkingCalendar {
    const { sessions } = this.officeHoursOf(unitCode);
    const key = JSON.stringify(sessions);
    let calendar = this.calendars.get(key);
    if (!calendar) {
      calendar = new WorkingCalendar({ officeHours: sessions, holidays: this.tables.holidayTables });
      this.calendars.set(key, calendar);
    }
    return calendar;
  }
}
