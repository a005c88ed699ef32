import { Inject, Injectable } from '@nestjs/common';
import { AppError, CLOCK, type AuthUser, type Clock } from '../../../common/src';
import type { Applicant } from '../domain/applicant.rules';
import { controlSlip, type HandoverRow } from '../domain/control-slip.rows';
import type { ReceivedDocument } from '../domain/documents.rules';
import { allowedActions, type DossierAction, type DossierStatus } from '../domain/dossier-status.machine';
import type { Procedure } from '../domain/procedure.types';
import type { DossierQueryDto } from '../dtos/dossier-query.dto';
import { DossiersRepository } from '../repositories/dossiers.repository';
import { ProceduresRepository } from '../repositories/procedures.repository';

/** The staff view of a dossier (`GET /api/dossiers/:code`), also the data of the printed forms. */
export interface DossierDetail {
  code: string;
  procedureCode: string;
  procedureName: string;
  procedure: Pick<Procedure, 'code' | 'name' | 'field' | 'level' | 'legalTime' | 'fee' | 'feeRules'>;
  status: DossierStatus;
  statusLabel: string;
  channel: string;
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
  /** The control slip (Form 05): one row per handover. */
  history: HandoverRow[];
  /** One-stop actions taken at the desk (reception, supplement, refusal, apology, return), with their reasons. */
  events: { at: Date; type: string; actor: string | null; data: Record<string, unknown> }[];
  allowedActions: DossierAction[];
}

/** Reads of dossiers for staff; every read goes through the unit access rule (404 `DOSSIER_NOT_FOUND`). */
@Injectable()
export class DossiersService {
  constructor(
    private readonly dossiers: DossiersRepository,
    private readonly procedures: ProceduresRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  list(user: AuthUser, query: DossierQueryDto) {
    return this.dossiers.list(user, { ...query, limit: query.limit ?? 50, offset: query.offset ?? 0 }, this.clock.now());
  }

  /** The dossier with its control slip; 404 `DOSSIER_NOT_FOUND` when absent or not the caller's units'. */
  async get(code: string, user: Pick<AuthUser, 'unitCode'>): Promise<DossierDetail> {
    const d = await this.dossiers.findVisible(code, user);
    if (!d) throw dossierNotFound(code);
    const [projection, procedure, steps, events] = await Promise.all([
      this.dossiers.projection(code),
      this.procedures.findByCode(d.procedureCode),
      this.dossiers.steps(d.instanceId),
      this.dossiers.events(code),
    ]);
    const closed = d.status === 'returned' || d.status === 'rejected' || d.status === 'withdrawn';
    return {
      code: d.code,
      procedureCode: d.procedureCode,
      procedureName: procedure?.name ?? projection?.procedureName ?? d.procedureCode,
      procedure: {
        code: d.procedureCode, name: procedure?.name ?? '', field: procedure?.field ?? '', level: procedure?.level ?? '',
        legalTime: procedure?.legalTime ?? {}, fee: procedure?.fee ?? 0, feeRules: procedure?.feeRules ?? null,
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
      overdue: !closed && d.status !== 'result_ready' && d.appointmentAt.getTime() < this.clock.now().getTime(),
      pausedAt: d.pausedAt,
      pauses: d.pauses,
      resolvedAt: d.resolvedAt,
      returnedAt: d.returnedAt,
      history: controlSlip({ unitCode: d.unitCode, user: d.receivedBy }, steps),
      events,
      allowedActions: allowedActions(d.status),
    };
  }
}

export function dossierNotFound(code: string): AppError {
  return AppError.notFound('DOSSIER_NOT_FOUND', `Dossier ${code} not found`);
}
