import { Inject, Injectable } from '@nestjs/common';
import type { WorkingCalendar } from '../../../calendar/src';
import { CLOCK, type Clock } from '../../../common/src';
import { APPOINTMENT_REMINDER, JobScheduler, type CommandTx } from '../../../workflow/src';
import { WorkingCalendarService } from '../../../worktime/src';
import { reminderAt, type ReminderPayload } from './appointment-reminder.plan';

/** The dossier as the scheduler needs it. */
export interface ReminderTarget {
  code: string;
  unitCode: string;
  instanceId: string | null;
  appointmentAt: Date;
}

/**
 * Keeps one pending `appointment.reminder` job per dossier, in the caller's transaction
 * (reception, a desk action): planned at reception, planned again when the appointment moves,
 * dropped when the dossier is paused or closed at the desk. A result that becomes ready in the
 * inbox leaves its job pending; the handler finds the dossier resolved and does nothing.
 */
@Injectable()
export class AppointmentReminderScheduler {
  constructor(
    private readonly jobs: JobScheduler,
    private readonly calendars: WorkingCalendarService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Replaces the dossier's pending reminder by one for `appointmentAt` (on the unit's calendar, unless given); returns its job id, or null when none is due. */
  async plan(tx: CommandTx, d: ReminderTarget, calendar?: WorkingCalendar): Promise<string | null> {
    if (!d.instanceId) return null;
    await this.jobs.cancel(tx, d.instanceId, APPOINTMENT_REMINDER);
    const at = reminderAt(calendar ?? (await this.calendars.forUnit(d.unitCode)), d.appointmentAt, this.clock.now());
    if (!at) return null;
    const payload: ReminderPayload = { code: d.code, appointmentAt: d.appointmentAt.toISOString() };
    return this.jobs.schedule(tx, {
      kind: APPOINTMENT_REMINDER,
      instanceId: d.instanceId,
      elementId: 'appointment',
      dueAt: at,
      payload: { ...payload },
    });
  }

  /**
   * After a desk action: one that moves the appointment (supplement received, apology) plans
   * the reminder again; every other one pauses (supplement request) or closes the dossier
   * (refuse, withdraw, return), which needs none.
   */
  async afterAction(tx: CommandTx, d: ReminderTarget, movedTo: Date | undefined): Promise<void> {
    if (movedTo) await this.plan(tx, { ...d, appointmentAt: movedTo });
    else if (d.instanceId) await this.jobs.cancel(tx, d.instanceId, APPOINTMENT_REMINDER);
  }
}
