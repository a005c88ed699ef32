import { Inject, Injectable, Optional } from '@nestjs/common';
import { CLOCK, systemClock, type Clock } from '../../../common/src';
import { normalizeStepDuration, parseVietnamInstant } from '../../../calendar/src';
import { calendarBadRequest, withCalendarErrors } from '../calendar-error.mapper';
import { OfficeHoursRepository } from '../repositories/office-hours.repository';
import { unitNotFound } from './unit-not-found.error';
import { WorkingCalendarService } from './working-calendar.service';

export interface PreviewQuery {
  /** ISO 8601; without an offset, Vietnam time; default now. */
  from?: string;
  /** Working duration `P2D`, `PT4H`, `2d`, `4h`; not with `sameDay`. */
  duration?: string;
  /** Unit whose office hours apply; default the province's. */
  unit?: string;
  /** A same-day procedure: returned at closing, or the next working day when received from 15:00. */
  sameDay?: boolean;
}

export interface DeadlinePreview {
  from: string;
  /** When counting starts: `from` itself inside office hours, else the next opening. */
  countingStartsAt: string;
  dueAt: string;
  duration: string | null;
  sameDay: boolean;
  unitCode: string | null;
}

/** "Received at … + legal time … → appointment …" with the saved calendar, for admins and the modeler. */
@Injectable()
export class DeadlinePreviewService {
  constructor(
    private readonly calendars: WorkingCalendarService,
    private readonly officeHours: OfficeHoursRepository,
    @Optional() @Inject(CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  async preview(query: PreviewQuery): Promise<DeadlinePreview> {
    const from = query.from === undefined ? this.clock.now() : parseVietnamInstant(query.from);
    if (!from) {
      throw calendarBadRequest(
        'CALENDAR_INVALID_DATE',
        `from must be an existing ISO 8601 date-time such as 2027-01-04T09:00+07:00; got '${query.from}'`,
      );
    }
    const sameDay = query.sameDay === true;
    // Unreadable text goes on as written, for the calendar to refuse with CALENDAR_INVALID_DURATION.
    const duration = query.duration?.trim()
      ? (normalizeStepDuration(query.duration) ?? query.duration.trim())
      : undefined;
    if (sameDay === (duration !== undefined)) {
      throw calendarBadRequest('CALENDAR_INVALID_DURATION', 'Give either duration (P2D, PT4H) or sameDay=true');
    }
    if (query.unit && !(await this.officeHours.findUnit(query.unit))) throw unitNotFound(query.unit);
    const calendar = await this.calendars.forUnit(query.unit);
    return withCalendarErrors(() => ({
      from: from.toISOString(),
      countingStartsAt: calendar.nextOpening(from).toISOString(),
      dueAt: calendar.appointmentFor(from, sameDay ? { sameDay: true } : (duration as string)).toISOString(),
      duration: duration ?? null,
      sameDay,
      unitCode: query.unit ?? null,
    }));
  }
}
