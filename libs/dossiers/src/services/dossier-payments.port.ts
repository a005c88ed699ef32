import { Injectable } from '@nestjs/common';

/** Whether a dossier's fee is settled: paid online, still to pay, or nothing to pay (fee 0). */
export type PaymentState = 'paid' | 'unpaid' | 'not_required';

/** A confirmed online payment of a dossier, as its owner (libs/payments) reports it. */
export interface PaidRecord {
  /** VND. */
  amount: number;
  /** The gateway's transaction number (vnp_TransactionNo). */
  transactionNo: string | null;
  bankCode: string | null;
  paidAt: Date | null;
}

/** The fee of a dossier and whether it is paid: on the dossier, Form 01, the list and the public lookup. */
export interface DossierPayment {
  status: PaymentState;
  /** The procedure's fee (VND), or the amount paid once paid. */
  amount: number;
  transactionNo: string | null;
  paidAt: Date | null;
}

export type PaidRecordsReader = (codes: readonly string[]) => Promise<Map<string, PaidRecord>>;

/**
 * The port through which libs/dossiers learns which dossiers are paid without naming libs/payments' table:
 * libs/payments (a higher layer) registers its reader at start (ADR 0029), as libs/workflow registers its
 * release on identity's CLAIMED_WORK. Without one (a process that loads no payments) nothing is paid.
 */
@Injectable()
export class DossierPayments {
  private reader: PaidRecordsReader | undefined;

  register(reader: PaidRecordsReader): void {
    this.reader = reader;
  }

  async paid(codes: readonly string[]): Promise<Map<string, PaidRecord>> {
    return this.reader && codes.length ? this.reader(codes) : new Map();
  }

  async of(code: string, fee: number): Promise<DossierPayment> {
    return dossierPayment(fee, (await this.paid([code])).get(code));
  }
}

/** The payment state of a dossier whose procedure charges `fee` VND. */
export function dossierPayment(fee: number, paid: PaidRecord | undefined): DossierPayment {
  if (paid) return { status: 'paid', amount: paid.amount, transactionNo: paid.transactionNo, paidAt: paid.paidAt };
  return { status: fee > 0 ? 'unpaid' : 'not_required', amount: fee, transactionNo: null, paidAt: null };
}
