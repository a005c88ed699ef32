import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Applicant } from '../../../dossiers/src';
import type { SubmissionStatus } from '../domain/online-submission.machine';

/** A row of `online_submissions`, as the services read it. */
export interface SubmissionRow {
  id: string;
  code: string;
  citizenId: string;
  phone: string;
  procedureCode: string;
  unitCode: string;
  applicant: Applicant;
  answers: Record<string, string | number | boolean>;
  status: SubmissionStatus;
  reason: string | null;
  rounds: number;
  dossierCode: string | null;
  decidedBy: string | null;
  requestHash: string;
  submittedAt: Date;
  updatedAt: Date;
}

/** A transaction's SQL: CommandTx of libs/workflow (the reception's) or an EntityManager wrapped by {@link rowsOf}. */
export interface RowsTx {
  rows<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}
/** An EntityManager's transaction as {@link RowsTx}: the rows of any statement (an UPDATE … RETURNING included). */
export const rowsOf = (manager: EntityManager): RowsTx => ({
  rows: async <T>(sql: string, params?: unknown[]) =>
    ((await manager.queryRunner!.query(sql, params, true)) as { records?: T[] }).records ?? [],
});

const COLUMNS = `id, code, citizen_id AS "citizenId", phone, procedure_code AS "procedureCode", unit_code AS "unitCode", applicant,
  answers, status, reason, rounds, dossier_code AS "dossierCode", decided_by AS "decidedBy", request_hash AS "requestHash",
  submitted_at AS "submittedAt", updated_at AS "updatedAt"`;

/** A new submission as the citizen sends it. */
export interface NewSubmission {
  id: string;
  code: string;
  citizenId: string;
  phone: string;
  procedureCode: string;
  unitCode: string;
  applicant: Applicant;
  answers: Record<string, unknown>;
  idempotencyKey: string;
  requestHash: string;
  at: Date;
}

/** `online_submissions` (libs/online): written by the citizen's submission and the desk's decisions. */
@Injectable()
export class OnlineSubmissionsRepository {
  private readonly auto: RowsTx;

  constructor(private readonly db: DataSource) {
    this.auto = { rows: (sql, params) => db.query(sql, params) };
  }

  transaction<T>(work: (tx: RowsTx) => Promise<T>): Promise<T> {
    return this.db.transaction((manager) => work(rowsOf(manager)));
  }

  /** Inserts unless the citizen already sent a submission under this idempotency key; true when inserted. */
  async insert(tx: RowsTx, s: NewSubmission): Promise<boolean> {
    const rows: unknown[] = await tx.rows(
      `INSERT INTO online_submissions (id, code, citizen_id, phone, procedure_code, unit_code, applicant, answers, status,
         idempotency_key, request_hash, submitted_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'waiting', $9, $10, $11, $11)
       ON CONFLICT (citizen_id, idempotency_key) DO NOTHING RETURNING id`,
      [
        s.id,
        s.code,
        s.citizenId,
        s.phone,
        s.procedureCode,
        s.unitCode,
        JSON.stringify(s.applicant),
        JSON.stringify(s.answers),
        s.idempotencyKey,
        s.requestHash,
        s.at,
      ],
    );
    return rows.length === 1;
  }

  async byKey(citizenId: string, idempotencyKey: string): Promise<SubmissionRow | undefined> {
    const rows = await this.db.query(
      `SELECT ${COLUMNS} FROM online_submissions WHERE citizen_id = $1 AND idempotency_key = $2`,
      [citizenId, idempotencyKey],
    );
    return rows[0];
  }

  async byId(id: string, tx: RowsTx = this.auto): Promise<SubmissionRow | undefined> {
    const rows = await tx.rows<SubmissionRow>(`SELECT ${COLUMNS} FROM online_submissions WHERE id = $1`, [id]);
    return rows[0];
  }

  /** The citizen's submissions, newest first. */
  async ofCitizen(citizenId: string, limit: number): Promise<SubmissionRow[]> {
    return this.db.query(
      `SELECT ${COLUMNS} FROM online_submissions WHERE citizen_id = $1 ORDER BY submitted_at DESC, id LIMIT $2`,
      [citizenId, limit],
    );
  }

  /** A unit's queue: waiting submissions, oldest first (first come, first checked). */
  async queue(unitCode: string, status: SubmissionStatus, limit: number, offset: number) {
    const [{ total }] = await this.db.query(
      `SELECT count(*)::int AS total FROM online_submissions WHERE unit_code = $1 AND status = $2`,
      [unitCode, status],
    );
    const items: SubmissionRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM online_submissions WHERE unit_code = $1 AND status = $2
        ORDER BY updated_at, id LIMIT $3 OFFSET $4`,
      [unitCode, status, limit, offset],
    );
    return { items, total: total as number };
  }

  /**
   * Moves the submission from `from` to `to` if it is still there (the race guard: of two officers
   * deciding at once, the second finds nothing to move); the row after, or undefined.
   */
  async move(
    tx: RowsTx,
    id: string,
    change: {
      from: SubmissionStatus;
      to: SubmissionStatus;
      reason?: string | null;
      decidedBy?: string | null;
      dossierCode?: string;
      answers?: Record<string, unknown>;
      at: Date;
    },
  ): Promise<SubmissionRow | undefined> {
    const rows = await tx.rows<SubmissionRow>(
      `UPDATE online_submissions SET status = $3, reason = $4, decided_by = $5, dossier_code = COALESCE($6, dossier_code),
          answers = COALESCE($7::jsonb, answers), rounds = rounds + CASE WHEN $3 = 'waiting' THEN 1 ELSE 0 END, updated_at = $8
        WHERE id = $1 AND status = $2 RETURNING ${COLUMNS}`,
      [
        id,
        change.from,
        change.to,
        change.reason ?? null,
        change.decidedBy ?? null,
        change.dossierCode ?? null,
        change.answers ? JSON.stringify(change.answers) : null,
        change.at,
      ],
    );
    return rows[0];
  }

  /** The link the accepted SMS carries, for the outbox trigger of this transaction only (ADR 0028). */
  async setReceiptLink(tx: RowsTx, link: string): Promise<void> {
    await tx.rows(`SELECT set_config('motcua.online_receipt_link', $1, true)`, [link]);
  }
}
