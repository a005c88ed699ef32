import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AppError, AUDIT_LOG, CLOCK, type AuditLog, type Clock } from '../../../common/src';
import { setting } from '../../../config/src';
import { DossierPayments, dossierPayment, LookupKeyService, type DossierPayment } from '../../../dossiers/src';
import {
  PAYMENT_PROVIDER,
  type GatewayReport,
  type NotificationAnswer,
  type NotificationOutcome,
  type PaymentProvider,
} from '../payment-provider';
import { PaymentsRepository, type PaymentReference, type PaymentRow, type PaymentStatus } from './payments.repository';

/** Dossiers in these statuses take no payment: refused or withdrawn, nothing is owed. */
const CLOSED = ['rejected', 'withdrawn'];

/** The browser's return page, on the web app (apps/web: /thanh-toan/ket-qua). */
export const RETURN_PATH = '/thanh-toan/ket-qua';

/** What the return page shows: the gateway's word, checked, and our own record of the attempt. */
export interface PaymentReturnView {
  referenceKind: PaymentReference['kind'];
  reference: string;
  amount: number;
  /** Our record: `paid` only once the gateway's notification confirmed it. */
  status: PaymentStatus;
  /** What the gateway told the browser: the money was taken (still pending until the notification arrives). */
  gatewaySucceeded: boolean;
  responseCode: string;
  transactionNo: string | null;
  bankCode: string | null;
  paidAt: Date | null;
}

/**
 * Fee payments (issue 18 item 5, ADR 0029). A payment is for a reference; each start is an attempt with its own
 * order number at the gateway. Only the gateway's signed notification settles an attempt, once; a bad signature,
 * an unknown order, a wrong amount or a replay changes nothing and is audited.
 */
@Injectable()
export class PaymentsService implements OnModuleInit {
  private readonly logger = new Logger(PaymentsService.name);

  constructor(
    private readonly repo: PaymentsRepository,
    private readonly keys: LookupKeyService,
    private readonly dossierPayments: DossierPayments,
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** libs/dossiers learns which dossiers are paid through its port (the dossier, Form 01, the list). */
  onModuleInit(): void {
    this.dossierPayments.register((codes) => this.repo.paidByDossier(codes));
  }

  /**
   * The citizen's start with code and lookup key (`POST /api/public/dossiers/:code/payments?key=`): 404
   * `DOSSIER_NOT_FOUND`, 403 `LOOKUP_KEY_INVALID`, then as {@link startForDossier}.
   */
  async startWithLookupKey(code: string, key: string | undefined, ipAddress: string): Promise<{ payUrl: string }> {
    const wanted = code.trim().toUpperCase();
    const context = await this.repo.dossierContext(wanted);
    if (!context) throw AppError.notFound('DOSSIER_NOT_FOUND', 'Không tìm thấy hồ sơ');
    if (!key || !this.keys.matches(context.code, key, context.lookupKeyHash))
      throw AppError.forbidden('LOOKUP_KEY_INVALID', 'The lookup key printed on the receipt is needed to pay the fee');
    return this.startForDossier(context.code, ipAddress, `citizen:${context.code}`);
  }

  /**
   * The start for a dossier whose access the caller has already proven: the lookup key above, or a signed-in
   * citizen's token over their own dossier (issue 18 item 2, branch wt-online: its route calls this after its
   * ownership check, with `actor` the citizen account). 409 `PAYMENT_NOT_REQUIRED` (fee 0, or refused or
   * withdrawn), 409 `PAYMENT_ALREADY_PAID`, 503 `PAYMENT_UNAVAILABLE` (no gateway credentials).
   */
  async startForDossier(code: string, ipAddress: string, actor: string): Promise<{ payUrl: string }> {
    const context = await this.repo.dossierContext(code);
    if (!context) throw AppError.notFound('DOSSIER_NOT_FOUND', 'Không tìm thấy hồ sơ');
    if (context.fee <= 0 || CLOSED.includes(context.status))
      throw AppError.conflict('PAYMENT_NOT_REQUIRED', 'This dossier has no fee to pay online', {
        fee: context.fee,
        status: context.status,
      });
    return this.start({ kind: 'dossier', reference: context.code }, context.code, context.fee, ipAddress, actor);
  }

  /**
   * An attempt for any reference (a pre-registration code of an online submission too: its dossier is linked
   * later with {@link linkPayment}). `amount` in VND.
   */
  async start(
    ref: PaymentReference,
    dossierCode: string | null,
    amount: number,
    ipAddress: string,
    actor: string,
  ): Promise<{ payUrl: string }> {
    if (!this.provider.available())
      throw new AppError(503, 'PAYMENT_UNAVAILABLE', 'Online payment is not configured on this server');
    if (await this.repo.paidFor(ref))
      throw AppError.conflict('PAYMENT_ALREADY_PAID', 'The fee is already paid', { reference: ref.reference });
    const now = this.clock.now();
    const txnRef = `MC${randomBytes(6).toString('hex').toUpperCase()}`;
    await this.repo.insertPending({ ref, dossierCode, provider: this.provider.name, txnRef, amount, now });
    const payUrl = this.provider.createPaymentUrl({
      txnRef,
      amount,
      orderInfo: `Thanh toan le phi ho so ${ref.reference}`,
      ipAddress: ipAddress.replace(/^::ffff:/, '') || '127.0.0.1',
      returnUrl: new URL(RETURN_PATH, setting('PUBLIC_URL')).toString(),
      now,
    });
    await this.audit.record({
      actor,
      action: 'payment.started',
      subject: ref.reference,
      data: { txnRef, amount, provider: this.provider.name, ip: ipAddress },
    });
    return { payUrl };
  }

  /**
   * The gateway's server-to-server notification (IPN): checked, then settles the attempt once. Every outcome is
   * answered in the gateway's words (VNPay: RspCode 00/01/02/04/97/99) and audited; only `confirmed` changes a row.
   */
  async notify(query: Readonly<Record<string, unknown>>, ipAddress: string): Promise<NotificationAnswer> {
    let outcome: NotificationOutcome;
    let report: GatewayReport | undefined;
    let row: PaymentRow | undefined;
    try {
      const verified = this.provider.verifyNotification(query);
      report = verified.valid ? verified.report : undefined;
      row = report ? await this.repo.byTxnRef(report.txnRef) : undefined;
      if (!report) outcome = 'invalid_signature';
      else if (!row) outcome = 'order_not_found';
      else if (row.amount !== report.amount) outcome = 'invalid_amount';
      else if (row.status !== 'pending') outcome = 'already_confirmed';
      else {
        const settled = await this.repo.settle(report, this.clock.now());
        outcome = settled ? 'confirmed' : 'already_confirmed';
        if (settled) row = settled;
      }
    } catch (error) {
      this.logger.error(`payment notification failed: ${(error as Error).message}`);
      outcome = 'unknown_error';
    }
    const answer = this.provider.answer(outcome);
    // The answer stands even if the audit cannot be written (the settlement is committed; a 500 would make VNPay retry).
    await this.audit
      .record({
        actor: this.provider.name,
        action: outcome === 'confirmed' ? `payment.${row?.status ?? 'settled'}` : 'payment.notification_refused',
        subject: row?.reference ?? report?.txnRef ?? 'unknown',
        data: {
          outcome,
          answer: answer.body,
          txnRef: report?.txnRef ?? stringOf(query.vnp_TxnRef),
          amount: report?.amount ?? null,
          responseCode: report?.responseCode ?? null,
          transactionNo: report?.transactionNo ?? null,
          ip: ipAddress,
        },
      })
      .catch((error: unknown) => this.logger.error(`payment audit not written: ${(error as Error).message}`));
    return answer;
  }

  /**
   * The browser's return: 400 `PAYMENT_SIGNATURE_INVALID` unless the gateway signed it, 404 `PAYMENT_NOT_FOUND` for
   * an order we never sent. Changes nothing: the page shows our record, which only the notification settles.
   */
  async verifyReturn(query: Readonly<Record<string, unknown>>): Promise<PaymentReturnView> {
    const verified = this.provider.verifyReturn(query);
    if (!verified.valid) {
      await this.audit.record({
        actor: null,
        action: 'payment.return_refused',
        subject: stringOf(query.vnp_TxnRef) ?? 'unknown',
        data: { reason: 'invalid_signature' },
      });
      throw AppError.badRequest('PAYMENT_SIGNATURE_INVALID', 'The payment answer is not signed by the gateway');
    }
    const { report } = verified;
    const row = await this.repo.byTxnRef(report.txnRef);
    if (!row) throw AppError.notFound('PAYMENT_NOT_FOUND', 'No such payment');
    return {
      referenceKind: row.referenceKind,
      reference: row.reference,
      amount: row.amount,
      status: row.status,
      gatewaySucceeded: report.succeeded && report.amount === row.amount,
      responseCode: report.responseCode,
      transactionNo: row.transactionNo ?? report.transactionNo,
      bankCode: row.bankCode ?? report.bankCode,
      paidAt: row.paidAt,
    };
  }

  /**
   * When an online submission becomes a dossier (branch wt-online): its payments now count for the dossier
   * (`paymentStatusOf`, Form 01, the reports). Answers how many payments were linked.
   */
  async linkPayment(from: PaymentReference, dossierCode: string): Promise<number> {
    const linked = await this.repo.link(from, dossierCode);
    if (linked)
      await this.audit.record({
        actor: null,
        action: 'payment.linked',
        subject: dossierCode,
        data: { referenceKind: from.kind, reference: from.reference },
      });
    return linked;
  }

  /** Paid, unpaid or not required, with the amount and transaction number; undefined for an unknown dossier. */
  async paymentStatusOf(dossierCode: string): Promise<DossierPayment | undefined> {
    const context = await this.repo.dossierContext(dossierCode);
    if (!context) return undefined;
    const paid = await this.repo.paidByDossier([context.code]);
    return dossierPayment(context.fee, paid.get(context.code));
  }
}

const stringOf = (value: unknown): string | undefined => (typeof value === 'string' ? value.slice(0, 100) : undefined);
