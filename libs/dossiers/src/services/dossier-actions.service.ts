import { Inject, Injectable } from '@nestjs/common';
import { AppError, AUDIT_LOG, CLOCK, type AuditLog, type AuthUser, type Clock } from '../../../common/src';
import { recordIdempotentAnswerOf, RuntimeService, type CommandTx } from '../../../workflow/src';
import { WorkingCalendarService } from '../../../worktime/src';
import { CLOSURES, publicReasonOf } from '../domain/dossier-closure';
import { isDossierStatus, transition, type DossierAction } from '../domain/dossier-status.machine';
import { checkNewAppointment } from '../domain/new-appointment.rules';
import { DossiersRepository, type DossierPatch, type DossierRow } from '../repositories/dossiers.repository';
import { AppointmentReminderScheduler } from './appointment-reminder.scheduler';
import { dossierNotFound, DossiersService, type DossierDetail } from './dossiers.service';

/** The message the diagrams' result-return step waits for (a boundary on the desk's last task). */
export const RESULT_RETURNED_MESSAGE = 'result_returned';

export type ActionInput = { reason?: string; note?: string; documents?: string[]; newAppointmentAt?: string };

/**
 * The one-stop actions (DESIGN §6): each one transaction that locks the dossier, checks the
 * status machine, acts on the running process (cancel, message) and writes the dossier, its
 * projection and a dossier event; then it is audited.
 */
@Injectable()
export class DossierActionsService {
  constructor(
    private readonly dossiers: DossiersRepository,
    private readonly reader: DossiersService,
    private readonly runtime: RuntimeService,
    private readonly calendars: WorkingCalendarService,
    private readonly reminders: AppointmentReminderScheduler,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
  ) {}

  async act(user: AuthUser, code: string, action: DossierAction, input: ActionInput): Promise<DossierDetail> {
    const now = this.clock.now();
    const data = await this.runtime.transaction(async (tx) => {
      const dossier = await this.dossiers.findVisible(code, user, tx);
      if (!dossier) throw dossierNotFound(code);
      transition(dossier.status, action);
      const { patch, data } = await this.perform(tx, user, dossier, action, input, now);
      await this.dossiers.apply(tx, code, patch, now);
      await this.reminders.afterAction(tx, dossier, patch.appointmentAt);
      await this.dossiers.addEvent(tx, code, now, action, user.username, data);
      // A keyed request commits its answer with the action (docs/security.md, "Idempotent retries").
      await recordIdempotentAnswerOf(() => this.reader.get(code, user, tx));
      return data;
    });
    await this.audit.record({ actor: user.username, action: `dossier.${action}`, subject: `dossier:${code}`, data });
    return this.reader.get(code, user);
  }

  private async perform(
    tx: CommandTx,
    user: AuthUser,
    d: DossierRow,
    action: DossierAction,
    input: ActionInput,
    now: Date,
  ): Promise<{ patch: DossierPatch; data: Record<string, unknown> }> {
    const actor = { username: user.username, unitCode: user.unitCode };
    switch (action) {
      case 'supplement-request': {
        // The clock stops while the citizen completes the dossier (NĐ 61/2018 Art. 19, DOMAIN "Working time");
        // a supplement step drawn in the diagram (`mc:action`, ADR 0012) now waits for the citizen, its deadline stopped.
        const step = d.instanceId ? await this.runtime.holdDeskStep(tx, d.instanceId, 'supplement') : undefined;
        return {
          patch: { status: 'supplement_required', pausedAt: now },
          data: { reason: input.reason, documents: input.documents ?? [], ...(step && { taskId: step }) },
        };
      }
      case 'supplement-received': {
        const pausedAt = d.pausedAt ?? now;
        const calendar = await this.calendars.forUnit(d.unitCode);
        const waitedMs = Math.max(0, calendar.workingMillisBetween(pausedAt, now));
        const appointmentAt = calendar.addWorkingTime(d.appointmentAt, { seconds: waitedMs / 1000 });
        // The documents arrived: the drawn supplement step, if the dossier waits at one, is done and the flow goes on.
        const step = d.instanceId
          ? await this.runtime.completeDeskStep(tx, d.instanceId, 'supplement', actor)
          : undefined;
        const resumed = await this.dossiers.openStepStatus(tx, d.instanceId);
        return {
          patch: {
            status: isDossierStatus(resumed) ? resumed : 'processing',
            pausedAt: null,
            appointmentAt,
            pauses: [...d.pauses, { from: pausedAt.toISOString(), to: now.toISOString(), workingMs: waitedMs }],
            pausedMs: Number(d.pausedMs) + waitedMs,
          },
          data: {
            note: input.note,
            waitedWorkingMs: waitedMs,
            previousAppointmentAt: d.appointmentAt.toISOString(),
            appointmentAt: appointmentAt.toISOString(),
            ...(step && { taskId: step.taskId }),
          },
        };
      }
      case 'refuse':
      case 'withdraw': {
        // The same closing as a diagram's end event with `mc:outcome` (dossier-status.projection.ts, ADR 0011).
        const closure = CLOSURES[action === 'refuse' ? 'rejected' : 'withdrawn'];
        if (d.instanceId) await this.cancelIfRunning(tx, d.instanceId, `${action}: ${input.reason}`, actor);
        return {
          patch: {
            status: closure.status,
            resolvedAt: now,
            pausedAt: null,
            publicReason: publicReasonOf(closure, input.reason),
          },
          data: { reason: input.reason },
        };
      }
      case 'apology': {
        const newAppointmentAt = new Date(input.newAppointmentAt ?? '');
        checkNewAppointment(await this.calendars.forUnit(d.unitCode), {
          proposed: newAppointmentAt,
          appointmentAt: d.appointmentAt,
          now,
        });
        // An apology step drawn in the diagram (`mc:action="apology"`) is done by the apology itself. The new date is
        // written first, so a next step's notification (e.g. result ready) already carries it.
        let step: { taskId: string } | undefined;
        if (d.instanceId) {
          await this.dossiers.apply(tx, d.code, { appointmentAt: newAppointmentAt }, now);
          step = await this.runtime.completeDeskStep(tx, d.instanceId, 'apology', actor);
        }
        return {
          patch: { appointmentAt: newAppointmentAt },
          data: {
            reason: input.reason,
            previousAppointmentAt: d.appointmentAt.toISOString(),
            appointmentAt: newAppointmentAt.toISOString(),
            ...(step && { taskId: step.taskId }),
          },
        };
      }
      case 'return':
        if (d.instanceId)
          await this.runtime.correlateMessage(
            { instanceId: d.instanceId },
            RESULT_RETURNED_MESSAGE,
            { returnedBy: user.username },
            actor,
            { tx },
          );
        return { patch: { status: 'returned', returnedAt: now }, data: { note: input.note } };
    }
  }

  private async cancelIfRunning(
    tx: CommandTx,
    instanceId: string,
    reason: string,
    actor: { username: string; unitCode: string },
  ): Promise<void> {
    try {
      await this.runtime.cancel(instanceId, reason, actor, { tx });
    } catch (error) {
      // An instance that already ended (e.g. the refusal path of the diagram) has nothing to cancel.
      if ((error as AppError).code !== 'INSTANCE_NOT_RUNNING') throw error;
    }
  }
}
