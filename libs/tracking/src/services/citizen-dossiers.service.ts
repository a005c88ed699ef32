import { Inject, Injectable } from '@nestjs/common';
import { AppError, CLOCK, type CitizenPrincipal, type Clock } from '../../../common/src';
import { PaymentsService } from '../../../payments/src';
import { maskName } from '../domain/masked-name';
import { TrackingRepository, type OwnDossierDetail, type OwnDossierRow } from '../repositories/tracking.repository';

/** One of the citizen's dossiers as answered: the name masked, a reason only when refused. */
export type OwnDossierView = Omit<OwnDossierDetail, 'reason' | 'applicantName'> & {
  reason?: string;
  applicantName: string;
  payment?: Awaited<ReturnType<PaymentsService['paymentStatusOf']>>;
};

/**
 * "My dossiers" (issue 18 item 4): the dossiers whose applicant's phone is the signed-in citizen's
 * verified phone, read with the public lookup's statement parts (the same timeline as /tra-cuu with
 * the key; the name masked as there). Another phone's dossier is not found (404), as an unknown code.
 * Online submissions linked to the account join here when they exist (issue 18 item 3).
 */
@Injectable()
export class CitizenDossiersService {
  constructor(
    private readonly repo: TrackingRepository,
    private readonly payments: PaymentsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(citizen: CitizenPrincipal): Promise<{ items: OwnDossierRow[]; total: number }> {
    const items = await this.repo.ownDossiers(citizen.phone, this.clock.now());
    return { items, total: items.length };
  }

  async get(citizen: CitizenPrincipal, code: string): Promise<OwnDossierView> {
    const row = await this.repo.ownDossier(code.trim().toUpperCase(), citizen.phone, this.clock.now());
    if (!row) throw AppError.notFound('DOSSIER_NOT_FOUND', 'Không tìm thấy hồ sơ');
    const { reason, applicantName, ...rest } = row;
    // The fee as the lookup with the key shows it (issue 18 item 5): "my dossiers" answers what /tra-cuu does, and more.
    const payment = await this.payments.paymentStatusOf(row.code);
    return {
      ...rest,
      applicantName: maskName(applicantName ?? ''),
      ...(reason ? { reason } : {}),
      ...(payment && { payment }),
    };
  }
}
