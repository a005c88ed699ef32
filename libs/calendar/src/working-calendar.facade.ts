import { baseAppointment, type LegalTime } from './appointment.policy';
import { CalendarError } from './calendar.error';
import { parseIsoDate } from './iso-date.parser';
import { localDayOf, MS_PER_MINUTE } from './local-day.util';
import { compileOfficeHours, type OfficeHours, parseClockTime } from './office-hours.parser';
import { type Pause, PauseIntervals } from './pause.intervals';
import { toEpochMs } from './instant.parser';
import { type HolidaySource, WorkingDayIndex } from './working-day.index';
import { type DurationInput, toWorkingMillis } from './working-duration.parser';
import { WorkingTimeWalker } from './working-time.walker';

/** How a province's calendar is built. */
export interface WorkingCalendarOptions {
  /** Daily sessions; default 07:00–11:30, 13:30–17:00. */
  readonly officeHours?: OfficeHours;
  /** Holiday tables: a list (years not in it get `defaultHolidays`) or a function of the year. */
  readonly holidays: HolidaySource;
  /** Same-day procedures received from this time on are returned the next working day; default '15:00'. */
  readonly sameDayCutoff?: string;
}

/**
 * The working-day calendar of one province (Asia/Ho_Chi_Minh). Immutable and pure: it reads
 * no clock; build a new one when the admin edits holidays or hours. Working time is counted
 * in milliseconds, exactly: `workingMillisBetween(t, addWorkingTime(t, d)) === d` for every
 * instant t, including one outside office hours, where counting starts at the next opening.
 */
export class WorkingCalendar {
  /** One working day in ms: the sum of the sessions (8 h = 28 800 000 with the default hours). */
  readonly workingDayMs: number;
  private readonly walker: WorkingTimeWalker;
  private readonly sameDayCutoffMs: number;

  constructor(options: WorkingCalendarOptions) {
    const hours = compileOfficeHours(options.officeHours);
    const cutoff = parseClockTime(options.sameDayCutoff ?? '15:00');
    if (cutoff === undefined) {
      throw new CalendarError(
        'CALENDAR_INVALID_HOURS',
        `sameDayCutoff must be 'HH:mm'; got ${JSON.stringify(options.sameDayCutoff)}`,
      );
    }
    this.workingDayMs = hours.workingDayMs;
    this.sameDayCutoffMs = cutoff;
    this.walker = new WorkingTimeWalker(new WorkingDayIndex(options.holidays), hours);
  }

  /** Whether a day is worked: a Date (its day in Vietnam) or 'YYYY-MM-DD'. */
  isWorkingDay(date: Date | string): boolean {
    const day = typeof date === 'string' ? parseIsoDate(date) : localDayOf(toEpochMs(date, 'date'));
    if (day === undefined) {
      throw new CalendarError(
        'CALENDAR_INVALID_DATE',
        `date must be an existing date 'YYYY-MM-DD'; got ${JSON.stringify(date)}`,
      );
    }
    return this.walker.isWorkingDay(day);
  }

  /** When counting starts for something received at `instant`: itself if the office is open, else the next opening. */
  nextOpening(instant: Date): Date {
    return new Date(this.walker.nextOpening(toEpochMs(instant, 'instant')));
  }

  /** The earliest instant by which `duration` of working time, outside the pauses, has passed since `from`. */
  addWorkingTime(from: Date, duration: DurationInput, pauses: readonly Pause[] = []): Date {
    const fromMs = toEpochMs(from, 'from');
    const durationMs = toWorkingMillis(duration, this.workingDayMs);
    return new Date(PauseIntervals.of(pauses).add(this.walker, fromMs, durationMs));
  }

  /** The latest instant from which `duration` of working time has passed by `to` (e.g. a warning before a due time). */
  subtractWorkingTime(to: Date, duration: DurationInput): Date {
    return new Date(this.walker.subtract(toEpochMs(to, 'to'), toWorkingMillis(duration, this.workingDayMs)));
  }

  /** Working milliseconds in [from, to) outside the pauses; negative when `to` is before `from`. */
  workingMillisBetween(from: Date, to: Date, pauses: readonly Pause[] = []): number {
    return PauseIntervals.of(pauses).between(this.walker, toEpochMs(from, 'from'), toEpochMs(to, 'to'));
  }

  /** Working minutes in [from, to) outside the pauses (fractional when the instants carry seconds). */
  workingMinutesBetween(from: Date, to: Date, pauses: readonly Pause[] = []): number {
    return this.workingMillisBetween(from, to, pauses) / MS_PER_MINUTE;
  }

  /**
   * The appointment (ngày hẹn trả) of a dossier received at `receivedAt`, moved later by the
   * working time spent in `pauses` (waiting for the citizen's supplement). See `LegalTime`.
   */
  appointmentFor(receivedAt: Date, legalTime: LegalTime, pauses: readonly Pause[] = []): Date {
    const receivedMs = toEpochMs(receivedAt, 'receivedAt');
    const appointment = baseAppointment(this.walker, receivedMs, legalTime, this.sameDayCutoffMs, this.workingDayMs);
    const intervals = PauseIntervals.of(pauses);
    if (intervals.isEmpty) return new Date(appointment);
    const legalMs = this.walker.between(receivedMs, appointment);
    return new Date(intervals.add(this.walker, receivedMs, legalMs));
  }
}
