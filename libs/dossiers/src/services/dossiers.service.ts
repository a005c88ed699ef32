import { Inject, Injectable } from '@nestjs/common';
import { AppError, CLOCK, type AuthUser, type Clock } from '../../../common/src';
import { UnitsService, UsersService } from '../../../identity/src';
import { OpinionsRepository, type OpinionView } from '../../../workflow/src';
import type { Applicant } from '../domain/applicant.rules';
import type { HandoverRow } from '../domain/control-slip.rows';
import { ControlSlipReader } from './control-slip.reader';
import { DossierPayments, dossierPayment, type DossierPayment, type PaymentState } from './dossier-payments.port';
import type { ReceivedDocument } from '../domain/documents.rules';
import { allowedActions, type DossierAction, type DossierStatus } from '../domain/dossier-status.machine';
import type { Channel, Procedure } from '../domain/procedure.types';
import type { DossierQueryDto } from '../dtos/dossier-query.dto';
import { DossiersRepository, type Queryable } from '../repositories/dossiers.repository';
import { ProceduresRepository } from '../repositories/procedures.repository';

/** The staff view of a dossier (`GET /api/dossiers/:code`), also the data of the printed forms. */
export interface DossierDetail {
  code: string;
  procedureCode: string;
  procedureName: string;
  procedure: Pick<Procedure, 'code' | 'name' | 'field' | 'level' | 'legalTime' | 'fee' | 'feeRules'>;
  status: DossierStatus;
  statusLabel: string;
  channel: Channel;
  receivedAt: Date;
  receivedBy: string;
  appointmentAt: Date;
  originalAppointmentAt: Date;
  unitCode: string;
  unitName: string;
  applicant: Applicant;
  documents: ReceivedDocument[];
  /** The workflow instance (`GET /api/instances/:id` for admins). */
  instanceId: string | null;
  currentStep: string | null;
  overdue: boolean;
  pausedAt: Date | null;
  pauses: { from: string; to: string; workingMs: number }[];
  resolvedAt: Date | null;
  returnedAt: Date | null;
  /** The control slip (Form 05): one row per handover, each party with its unit's and officer's names. */
  history: NamedHandoverRow[];
  /** One-stop actions taken at the desk (reception, supplement, refusal, apology, return), with their reasons. */
  events: { at: Date; type: string; actor: string | null; data: Record<string, unknown> }[];
  allowedActions: DossierAction[];
  /** The officers' opinions (ý kiến xử lý) on its steps, newest first, with their attachments (issue 16). Staff only: no public channel reads them. */
  opinions: OpinionView[];
  /** The fee and whether it is paid online (issue 18 item 5). */
  payment: DossierPayment;
}

/** A party of a handover with the names a reader needs (null when the unit or account is unknown). */
export type NamedParty = HandoverRow['from'] & { unitName?: string | null; fullName?: string | null };
export type NamedHandoverRow = Omit<HandoverRow, 'from' | 'to'> & { from: NamedParty; to: NamedParty };

/** Reads of dossiers for staff; every read goes through the unit access rule (404 `DOSSIER_NOT_FOUND`). */
@Injectable()
export class DossiersService {
  constructor(
    private readonly dossiers: DossiersRepository,
    private readonly procedures: ProceduresRepository,
    private readonly units: UnitsService,
    private readonly users: UsersService,
    private readonly slips: ControlSlipReader,
    private readonly opinions: OpinionsRepository,
    private readonly payments: DossierPayments,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** One page of the caller's dossiers; `overdue` as in {@link get}. */
  async list(user: AuthUser, query: DossierQueryDto) {
    const page = await this.dossiers.list(
      user,
      { ...query, limit: query.limit ?? 50, offset: query.offset ?? 0 },
      this.clock.now(),
    );
    const paid = await this.payments.paid(page.items.map((item) => item.code));
    return {
      ...page,
      items: page.items.map(({ fee, ...item }) => ({
        ...item,
        overdue: item.overdue === true && !NOT_LATE.includes(item.status as DossierStatus),
        payment: dossierPayment(fee, paid.get(item.code)).status as PaymentState,
      })),
    };
  }

  /**
   * The dossier with its control slip; 404 `DOSSIER_NOT_FOUND` when absent or not the caller's units'.
   * With `tx`, as that transaction sees it (a desk action's answer, committed with a keyed request).
   */
  async get(code: string, user: Pick<AuthUser, 'unitCode'>, tx?: Queryable): Promise<DossierDetail> {
    const d = await this.dossiers.findVisible(code, user, tx);
    if (!d) throw dossierNotFound(code);
    const [projection, procedure, events, opinions, paid] = await Promise.all([
      this.dossiers.projection(code, tx),
      this.procedures.findByCode(d.procedureCode),
      this.dossiers.events(code, tx),
      this.opinions.forBusinessKey(d.code, tx),
      this.payments.paid([d.code]),
    ]);
    return {
      code: d.code,
      procedureCode: d.procedureCode,
      procedureName: procedure?.name ?? projection?.procedureName ?? d.procedureCode,
      procedure: {
        code: d.procedureCode,
        name: procedure?.name ?? '',
        field: procedure?.field ?? '',
        level: procedure?.level ?? '',
        legalTime: procedure?.legalTime ?? {},
        fee: procedure?.fee ?? 0,
        feeRules: procedure?.feeRules ?? null,
      },
      status: d.status,
      statusLabel: projection?.statusLabel ?? d.status,
      channel: d.channel,
      receivedAt: d.receivedAt,
      receivedBy: d.receivedBy,
      appointmentAt: d.appointmentAt,
      originalAppointmentAt: d.originalAppointmentAt,
      unitCode: d.unitCode,
      unitName: projection?.unitName ?? d.unitCode,
      applicant: d.applicant,
      documents: d.documents,
      instanceId: d.instanceId,
      currentStep: projection?.currentStep ?? null,
      overdue: isOverdue(d.status, d.appointmentAt, this.clock.now()),
      pausedAt: d.pausedAt,
      pauses: d.pauses,
      resolvedAt: d.resolvedAt,
      returnedAt: d.returnedAt,
      history: await this.named(await this.slips.history({ ...d, events, opinions }, this.clock.now(), tx)),
      events,
      allowedActions: allowedActions(d.status),
      opinions,
      payment: dossierPayment(procedure?.fee ?? 0, paid.get(d.code)),
    };
  }

  /**
   * The dossier's code, unit, status and instance if `user` may read it, by the rule of {@link get}
   * (its unit received it, or a step ran in their unit); 404 `DOSSIER_NOT_FOUND` otherwise. For
   * modules that guard their own reads with the dossier's rule (libs/files).
   */
  async readable(
    code: string,
    user: Pick<AuthUser, 'unitCode'>,
  ): Promise<Pick<DossierDetail, 'code' | 'procedureCode' | 'unitCode' | 'status' | 'instanceId'>> {
    const d = await this.dossiers.findVisible(code, user);
    if (!d) throw dossierNotFound(code);
    return {
      code: d.code,
      procedureCode: d.procedureCode,
      unitCode: d.unitCode,
      status: d.status,
      instanceId: d.instanceId,
    };
  }

  /** The slip's parties with unit and officer names (a handful of rows: one read per distinct unit and account). */
  private async named(rows: HandoverRow[]): Promise<NamedHandoverRow[]> {
    const parties = rows.flatMap((row) => [row.from, row.to]);
    const unitCodes = [...new Set(parties.map((p) => p.unitCode))];
    const usernames = [...new Set(parties.map((p) => p.user).filter((u): u is string => u !== null))];
    const [units, users] = await Promise.all([
      Promise.all(unitCodes.map(async (code) => [code, (await this.units.findByCode(code))?.name ?? null] as const)),
      Promise.all(
        usernames.map(async (name) => [name, (await this.users.findByUsername(name))?.fullName ?? null] as const),
      ),
    ]);
    const unitName = new Map(units);
    const fullName = new Map(users);
    const name = (p: HandoverRow['from']): NamedParty => ({
      ...p,
      unitName: unitName.get(p.unitCode) ?? null,
      fullName: p.user ? (fullName.get(p.user) ?? null) : null,
    });
    return rows.map((row) => ({ ...row, from: name(row.from), to: name(row.to) }));
  }
}

/**
 * Statuses never late, whatever the appointment: closed, a result waiting to be collected, and a
 * dossier waiting for the citizen's supplement (its clock is paused and the appointment moves on
 * receipt, NĐ 61/2018 Art. 19).
 */
const NOT_LATE: readonly DossierStatus[] = ['returned', 'rejected', 'withdrawn', 'result_ready', 'supplement_required'];

function isOverdue(status: DossierStatus, appointmentAt: Date, now: Date): boolean {
  return !NOT_LATE.includes(status) && appointmentAt.getTime() < now.getTime();
}

export function dossierNotFound(code: string): AppError {
  return AppError.notFound('DOSSIER_NOT_FOUND', `Dossier ${code} not found`);
}
