import { Inject, Injectable } from '@nestjs/common';
import { AppError, CLOCK, type Clock } from '../../../common/src';
import { LookupKeyService, type DossierPayment } from '../../../dossiers/src';
import { PaymentsService } from '../../../payments/src';
import { maskName } from '../domain/masked-name';
import { TrackingRepository, type StatusRow, type TimelineRow } from '../repositories/tracking.repository';

export type PublicDossierView = Omit<StatusRow, 'reason'> & {
  reason?: string;
  applicantName?: string;
  timeline?: TimelineRow[];
  payment?: DossierPayment;
};

/**
 * The public lookup (DESIGN §5). By code alone: status, procedure, unit, appointment, overdue.
 * With the right key: also the masked name and the timeline. A wrong key answers exactly as no
 * key, so the answer never tells whether a guessed key was close or which part was wrong.
 */
@Injectable()
export class PublicLookupService {
  constructor(
    private readonly repo: TrackingRepository,
    private readonly keys: LookupKeyService,
    private readonly payments: PaymentsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** One statement: the name and timeline come back only when the key's hash matched in SQL, and are shown only when it matches here too (constant time). */
  async lookup(code: string, lookupKey?: string): Promise<PublicDossierView> {
    const wanted = code.trim().toUpperCase();
    const row = await this.repo.findStatus(
      wanted,
      this.clock.now(),
      lookupKey ? this.keys.hash(wanted, lookupKey) : null,
    );
    if (!row) throw AppError.notFound('DOSSIER_NOT_FOUND', 'Không tìm thấy hồ sơ');
    const { lookupKeyHash, applicantName, timeline, reason, ...status } = row;
    // A refusal's citizen-facing reason (ADR 0011) is shown by code alone, like the status it explains.
    const view = reason ? { ...status, reason } : status;
    if (!lookupKey || !timeline || !this.keys.matches(row.code, lookupKey, lookupKeyHash)) return view;
    const payment = await this.payments.paymentStatusOf(row.code);
    return { ...view, applicantName: maskName(applicantName ?? ''), timeline, ...(payment && { payment }) };
  }
}
