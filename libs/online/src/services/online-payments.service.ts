import { Injectable, Logger } from '@nestjs/common';
import { AppError } from '../../../common/src';
import { ProceduresService } from '../../../dossiers/src';
import { PaymentsService } from '../../../payments/src';
import type { CitizenRef } from './online-submissions.service';
import { OnlineSubmissionsService } from './online-submissions.service';

/**
 * The fee of an online submission (issue 18 items 3 and 5, ADR 0029): the citizen may pay while the
 * submission waits (reference `pre_registration` = its code), and the payment follows it to the
 * dossier on acceptance (`linkPayment`); once accepted, the dossier's own fee is paid.
 */
@Injectable()
export class OnlinePaymentsService {
  private readonly logger = new Logger(OnlinePaymentsService.name);

  constructor(
    private readonly submissions: OnlineSubmissionsService,
    private readonly procedures: ProceduresService,
    private readonly payments: PaymentsService,
  ) {}

  /** The gateway's pay URL for the citizen's own submission; 409 `PAYMENT_NOT_REQUIRED` when refused or free. */
  async start(citizen: CitizenRef, id: string, ipAddress: string): Promise<{ payUrl: string }> {
    const row = await this.submissions.own(citizen, id);
    const actor = `citizen:${citizen.citizenId}`;
    if (row.status === 'accepted' && row.dossierCode)
      return this.payments.startForDossier(row.dossierCode, ipAddress, actor);
    const procedure = await this.procedures.get(row.procedureCode);
    if (row.status === 'refused' || procedure.fee <= 0)
      throw AppError.conflict('PAYMENT_NOT_REQUIRED', 'This submission has no fee to pay online', {
        fee: procedure.fee,
        status: row.status,
      });
    return this.payments.start(
      { kind: 'pre_registration', reference: row.code },
      null,
      procedure.fee,
      ipAddress,
      actor,
    );
  }

  /** After acceptance has committed: what was paid for the submission now counts for its dossier. */
  async follow(preRegistrationCode: string, dossierCode: string): Promise<void> {
    try {
      await this.payments.linkPayment({ kind: 'pre_registration', reference: preRegistrationCode }, dossierCode);
    } catch (error) {
      // The dossier stands; the payment row keeps its pre-registration code, linkable again by the same call.
      this.logger.error(
        `linking the payments of ${preRegistrationCode} to ${dossierCode} failed: ${(error as Error).message}`,
      );
    }
  }
}
