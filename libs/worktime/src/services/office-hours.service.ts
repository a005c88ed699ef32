import { Inject, Injectable, Optional } from '@nestjs/common';
import { AppError, AUDIT_LOG, type AuditLog, type AuthUser } from '../../../common/src';
import { DEFAULT_OFFICE_HOURS, type OfficeHours, type OfficeSession, WorkingCalendar } from '../../../calendar/src';
import { withCalendarErrors } from '../calendar-error.mapper';
import { OfficeHoursRepository } from '../repositories/office-hours.repository';
import { checkOfficeHours, usableOfficeHours } from './office-hours.check';
import { unitNotFound } from './unit-not-found.error';
import { WorkingCalendarService } from './working-calendar.service';

/** The sessions that apply to a unit (or, with `unitCode` null, the province default). */
export interface OfficeHoursView {
  unitCode: string | null;
  sessions: OfficeSession[];
  /** `unit`: the unit has its own sessions; `default`: the province's apply. */
  source: 'default' | 'unit';
  /** One working day in minutes: the sum of the sessions (480 = 8 h). */
  workingDayMinutes: number;
}

/** Office hours of the province and of units that keep their own (DESIGN §4: 07:00–11:30, 13:30–17:00 by default). */
@Injectable()
export class OfficeHoursService {
  constructor(
    private readonly repository: OfficeHoursRepository,
    private readonly calendars: WorkingCalendarService,
    @Optional() @Inject(AUDIT_LOG) private readonly audit?: AuditLog,
  ) {}

  async get(unitCode?: string): Promise<OfficeHoursView> {
    const provinceDefault = usableOfficeHours(await this.repository.provinceDefault()) ?? DEFAULT_OFFICE_HOURS;
    if (!unitCode) return view(null, provinceDefault, 'default');
    const own = usableOfficeHours((await this.unitOrThrow(unitCode)).officeHours);
    return own ? view(unitCode, own, 'unit') : view(unitCode, provinceDefault, 'default');
  }

  /** Sets the unit's own sessions, or without a unit the province default; 400 CALENDAR_INVALID_HOURS when bad or overlapping. */
  async save(unitCode: string | undefined, body: unknown, actor: AuthUser): Promise<OfficeHoursView> {
    const sessions = withCalendarErrors(() => checkOfficeHours((body as { sessions?: unknown } | null)?.sessions));
    const before = await this.get(unitCode);
    if (unitCode) await this.assertScope(unitCode, actor);
    if (unitCode) await this.saveUnit(unitCode, sessions);
    else await this.repository.saveProvinceDefault(sessions, actor.username);
    await this.calendars.changed();
    await this.audit?.record({
      actor: actor.username,
      action: 'calendar.office-hours.updated',
      subject: subjectOf(unitCode),
      data: { before: before.sessions, after: sessions },
    });
    return this.get(unitCode);
  }

  /** The unit goes back to the province default; without a unit, the province to 07:00–11:30, 13:30–17:00. */
  async reset(unitCode: string | undefined, actor: AuthUser): Promise<OfficeHoursView> {
    const before = await this.get(unitCode);
    if (unitCode) await this.assertScope(unitCode, actor);
    if (unitCode) await this.saveUnit(unitCode, null);
    else await this.repository.saveProvinceDefault(null, actor.username);
    await this.calendars.changed();
    await this.audit?.record({
      actor: actor.username,
      action: 'calendar.office-hours.reset',
      subject: subjectOf(unitCode),
      data: { before: before.sessions },
    });
    return this.get(unitCode);
  }

  private async saveUnit(unitCode: string, sessions: OfficeHours | null): Promise<void> {
    if (!(await this.repository.saveUnit(unitCode, sessions))) throw unitNotFound(unitCode);
  }

  /** A unit's own hours are set by administrators of that unit or above (403 `ADMIN_SCOPE`, as the admin console). */
  private async assertScope(unitCode: string, actor: AuthUser): Promise<void> {
    if (!(await this.repository.isWithin(unitCode, actor.unitCode))) {
      throw AppError.forbidden('ADMIN_SCOPE', `Unit ${unitCode} is outside the units you administer`);
    }
  }

  private async unitOrThrow(unitCode: string) {
    const unit = await this.repository.findUnit(unitCode);
    if (!unit) throw unitNotFound(unitCode);
    return unit;
  }
}

function view(unitCode: string | null, sessions: OfficeHours, source: 'default' | 'unit'): OfficeHoursView {
  const { workingDayMs } = new WorkingCalendar({ officeHours: sessions, holidays: [] });
  return {
    unitCode,
    sessions: sessions.map(({ start, end }) => ({ start, end })),
    source,
    workingDayMinutes: workingDayMs / 60_000,
  };
}

function subjectOf(unitCode: string | undefined): string {
  return unitCode ? `unit:${unitCode}` : 'office-hours:province';
}
