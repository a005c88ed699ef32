import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DOSSIER_PAYMENT_CONTEXT_SQL, type DossierStatus, type PaidRecord } from '../../../dossiers/src';
import type { GatewayReport } from '../payment-provider';

/** What a payment is for: a dossier, or (branch wt-online) an online submission's pre-registration code. */
export type ReferenceKind = 'dossier' | 'pre_registration';
export interface PaymentReference {
  kind: ReferenceKind;
  reference: string;
}

export type PaymentStatus = 'pending' | 'paid' | 'failed';

export interface PaymentRow {
  id: string;
  referenceKind: ReferenceKind;
  reference: string;
  dossierCode: string | null;
  provider: string;
  txnRef: string;
  amount: number;
  status: PaymentStatus;
  responseCode: string | null;
  transactionNo: string | null;
  bankCode: string | null;
  paidAt: Date | null;
  createdAt: Date;
  confirmedAt: Date | null;
}

export interface DossierPaymentContext {
  code: string;
  status: DossierStatus;
  lookupKeyHash: string;
  procedureCode: string;
  fee: number;
}

const COLUMNS = `id, reference_kind AS "referenceKind", reference, dossier_code AS "dossierCode", provider, txn_ref AS "txnRef",
  amount::float8 AS amount, status, response_code AS "responseCode", transaction_no AS "transactionNo", bank_code AS "bankCode",
  paid_at AS "paidAt", created_at AS "createdAt", confirmed_at AS "confirmedAt"`;

/** The `payments` table (owner: libs/payments). */
@Injectable()
export class PaymentsRepository {
  constructor(private readonly db: DataSource) {}

  /** The dossier's fee, status and lookup-key hash, through libs/dossiers' published query. */
  async dossierContext(code: string): Promise<DossierPaymentContext | undefined> {
    const rows: DossierPaymentContext[] = await this.db.query(DOSSIER_PAYMENT_CONTEXT_SQL, [code]);
    return rows[0];
  }

  async insertPending(p: {
    ref: PaymentReference;
    dossierCode: string | null;
    provider: string;
    txnRef: string;
    amount: number;
    now: Date;
  }): Promise<PaymentRow> {
    const rows: PaymentRow[] = await this.db.query(
      `INSERT INTO payments (reference_kind, reference, dossier_code, provider, txn_ref, amount, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
      [p.ref.kind, p.ref.reference, p.dossierCode, p.provider, p.txnRef, p.amount, p.now],
    );
    return rows[0];
  }

  async byTxnRef(txnRef: string): Promise<PaymentRow | undefined> {
    const rows: PaymentRow[] = await this.db.query(`SELECT ${COLUMNS} FROM payments WHERE txn_ref = $1`, [txnRef]);
    return rows[0];
  }

  /** The first confirmed payment of a reference, if any. */
  async paidFor(ref: PaymentReference): Promise<PaymentRow | undefined> {
    const rows: PaymentRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM payments WHERE reference_kind = $1 AND reference = $2 AND status = 'paid'
        ORDER BY paid_at LIMIT 1`,
      [ref.kind, ref.reference],
    );
    return rows[0];
  }

  /**
   * Settles a pending attempt with the gateway's report, once: the row changes only while `pending` and when the
   * amount matches; undefined when another notification got there first (nothing changes).
   */
  async settle(report: GatewayReport, now: Date): Promise<PaymentRow | undefined> {
    const rows: [PaymentRow[], number] = await this.db.query(
      `UPDATE payments SET status = CASE WHEN $2::boolean THEN 'paid' ELSE 'failed' END, response_code = $3, transaction_no = $4,
              bank_code = $5, paid_at = CASE WHEN $2::boolean THEN COALESCE($6::timestamptz, $7::timestamptz) END, confirmed_at = $7
        WHERE txn_ref = $1 AND status = 'pending' AND amount = $8::bigint RETURNING ${COLUMNS}`,
      [
        report.txnRef,
        report.succeeded,
        report.responseCode,
        report.transactionNo,
        report.bankCode,
        report.paidAt,
        now,
        report.amount,
      ],
    );
    return rows[0][0];
  }

  /** The first confirmed payment of each dossier among `codes`. */
  async paidByDossier(codes: readonly string[]): Promise<Map<string, PaidRecord>> {
    const rows: (PaidRecord & { dossierCode: string })[] = await this.db.query(
      `SELECT DISTINCT ON (dossier_code) dossier_code AS "dossierCode", amount::float8 AS amount,
              transaction_no AS "transactionNo", bank_code AS "bankCode", paid_at AS "paidAt"
         FROM payments WHERE dossier_code = ANY($1) AND status = 'paid' ORDER BY dossier_code, paid_at`,
      [codes],
    );
    return new Map(rows.map(({ dossierCode, ...paid }) => [dossierCode, paid]));
  }

  /** Points every payment of `from` at `dossierCode`; answers how many. */
  async link(from: PaymentReference, dossierCode: string): Promise<number> {
    const [, count]: [unknown, number] = await this.db.query(
      `UPDATE payments SET dossier_code = $3 WHERE reference_kind = $1 AND reference = $2`,
      [from.kind, from.reference, dossierCode],
    );
    return count;
  }
}
