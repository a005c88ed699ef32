import { Inject, Injectable } from '@nestjs/common';
import { AppError, AUDIT_LOG, CLOCK, type AuditLog, type AuthUser, type Clock } from '../../../common/src';
import { UnitsService } from '../../../identity/src';
import { recordIdempotentAnswer, RuntimeService, type CommandTx } from '../../../workflow/src';
import { WorkingCalendarService } from '../../../worktime/src';
import { checkApplicant } from '../domain/applicant.rules';
import { formatDossierCode, vietnamDay } from '../domain/dossier-code.format';
import { checkDocuments } from '../domain/documents.rules';
import type { DossierStatus } from '../domain/dossier-status.machine';
import type { ReceiveDossierDto } from '../dtos/receive-dossier.dto';
import { DossiersRepository } from '../repositories/dossiers.repository';
import { ProceduresRepository } from '../repositories/procedures.repository';
import { AppointmentReminderScheduler } from './appointment-reminder.scheduler';
import { projectStart } from './dossier-status.projection';
import { LookupKeyService } from './lookup-key.service';
import { ReceptionGate } from './reception.gate';

/** What the desk gets back once: the lookup key is never shown again. */
export interface ReceptionResult {
  code: string;
  lookupKey: string;
  appointmentAt: Date;
  status: DossierStatus;
}

/** How far back a postal or online dossier may be dated at the desk. */
const MAX_BACKDATE_MS = 30 * 24 * 3_600_000;

/** Reception (DESIGN §6 `POST /api/dossiers`): checks, code, appointment, process start — one transaction. */
@Injectable()
export class DossierReceptionService {
  constructor(
    private readonly procedures: ProceduresRepository,
    private readonly dossiers: DossiersRepository,
    private readonly runtime: RuntimeService,
    private readonly calendars: WorkingCalendarService,
    private readonly units: UnitsService,
    private readonly lookupKeys: LookupKeyService,
    private readonly gate: ReceptionGate,
    private readonly reminders: AppointmentReminderScheduler,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
  ) {}

  /**
   * `within`, when given, runs in the reception's transaction once the dossier is written (an online
   * submission marks itself accepted and binds its files there: both commit or neither does).
   */
  async receive(
    user: AuthUser,
    input: ReceiveDossierDto,
    within?: (tx: CommandTx, received: Omit<ReceptionResult, 'status'>) => Promise<void>,
  ): Promise<ReceptionResult> {
    const procedure = await this.procedures.findByCode(input.procedureCode);
    if (!procedure || !procedure.published)
      throw AppError.notFound('PROCEDURE_NOT_FOUND', `Procedure ${input.procedureCode} not found`);
    if (!procedure.channels.includes(input.channel)) {
      throw AppError.badRequest(
        'CHANNEL_NOT_ALLOWED',
        `Procedure ${procedure.code} is not received by channel ${input.channel}`,
        { allowed: procedure.channels },
      );
    }
    const applicant = checkApplicant(input.applicant);
    const documents = checkDocuments(procedure, input.documents);
    const now = this.clock.now();
    const receivedAt = this.receivedAt(input.receivedAt, now);
    const unit = await this.units.getByCode(user.unitCode);
    const calendar = await this.calendars.forUnit(user.unitCode);
    const appointmentAt = calendar.appointmentFor(receivedAt, procedure.legalTime);
    const lookupKey = this.lookupKeys.generate();

    const { code, status } = await this.gate.run(() =>
      this.runtime.transaction(async (tx) => {
        const n = await this.dossiers.nextNumber(tx, unit.code, vietnamDay(receivedAt));
        const code = formatDossierCode(unit.code, vietnamDay(receivedAt), n);
        const variables = {
          receivingUnit: unit.code,
          procedureCode: procedure.code,
          channel: input.channel,
          appointmentAt: appointmentAt.toISOString(),
        };
        // The process first, so the dossier row is written once, already as the start leaves it (no row yet for the projection to move).
        const change = await this.runtime.start(
          procedure.processKey,
          { businessKey: code, variables, version: procedure.processVersion ?? undefined },
          { username: user.username, unitCode: unit.code },
          { tx },
        );
        const start = projectStart(change);
        const received = {
          type: 'received',
          actor: user.username,
          data: { channel: input.channel, appointmentAt: appointmentAt.toISOString() },
        };
        await this.dossiers.insert(
          tx,
          {
            code,
            procedureCode: procedure.code,
            unitCode: unit.code,
            channel: input.channel,
            applicant,
            documents,
            receivedAt,
            appointmentAt,
            originalAppointmentAt: appointmentAt,
            status: start.status,
            lookupKeyHash: this.lookupKeys.hash(code, lookupKey),
            receivedBy: user.username,
            instanceId: change.instanceId,
            resolvedAt: start.resolvedAt,
            returnedAt: start.returnedAt,
          },
          {
            procedureName: procedure.name,
            unitName: unit.name,
            currentStep: start.currentStep,
            publicReason: start.publicReason,
          },
          start.event ? [received, { ...start.event, actor: change.actor }] : [received],
          now,
        );
        await this.reminders.plan(
          tx,
          { code, unitCode: unit.code, instanceId: change.instanceId, appointmentAt },
          calendar,
        );
        if (within) await within(tx, { code, lookupKey, appointmentAt });
        // The lookup key exists only in this answer: a keyed retry after a crash must still get it.
        recordIdempotentAnswer({ code, lookupKey, appointmentAt, status: start.status } satisfies ReceptionResult);
        return { code, status: start.status };
      }),
    );
    await this.audit.record({
      actor: user.username,
      action: 'dossier.received',
      subject: `dossier:${code}`,
      data: { procedureCode: procedure.code },
    });
    return { code, lookupKey, appointmentAt, status };
  }

  /** Now, or an earlier time the dossier actually arrived (postal, online); 400 `RECEIVED_AT_INVALID`. */
  private receivedAt(given: string | undefined, now: Date): Date {
    if (!given) return now;
    const at = new Date(given);
    if (
      Number.isNaN(at.getTime()) ||
      at.getTime() > now.getTime() + 60_000 ||
      now.getTime() - at.getTime() > MAX_BACKDATE_MS
    ) {
      throw AppError.badRequest(
        'RECEIVED_AT_INVALID',
        'receivedAt must not be in the future nor more than 30 days ago',
      );
    }
    return at;
  }
}
