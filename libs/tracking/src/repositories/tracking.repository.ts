import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PreparedStatements } from '../../../database/src';
import type { DossierStatus } from '../../../dossiers/src';

export interface StatusRow {
  code: string;
  status: DossierStatus;
  statusLabel: string;
  procedureName: string;
  unitName: string;
  appointmentAt: Date;
  overdue: boolean;
  /** A refused dossier's citizen-facing reason (ADR 0011); null otherwise. */
  reason: string | null;
}

export interface TimelineRow {
  at: Date;
  step: string;
  statusLabel: string | null;
  /** The step is open now (started at `at`, not finished): the citizen's dossier waits there. */
  current: boolean;
}

/** Reads the public projection `dossier_status` (DESIGN §5); the only personal datum read is the name, for masking. */
@Injectable()
export class TrackingRepository {
  /** The lookup's statement is prepared once per connection: it is the public endpoint's only statement. */
  private readonly prepared: PreparedStatements;

  constructor(db: DataSource) {
    this.prepared = new PreparedStatements(db);
  }

  /**
   * The status row of `code` in one statement; the applicant's name and the public timeline only
   * when the stored key hash equals `keyHash` (the hash of the key the caller gave, or null): the
   * name is never read for a caller without the key, and one round trip serves either view.
   */
  async findStatus(code: string, now: Date, keyHash: string | null = null): Promise<StatusWithKeyed | undefined> {
    const rows = await this.prepared.rows<StatusWithKeyed & { timeline: RawTimelineRow[] | null }>(
      `SELECT s.code, s.status, s.status_label AS "statusLabel", s.procedure_name AS "procedureName", s.unit_name AS "unitName",
              s.appointment_at AS "appointmentAt", d.lookup_key_hash AS "lookupKeyHash",
              CASE WHEN s.status = 'rejected' THEN s.public_reason END AS reason,
              (s.status IN ('received', 'processing', 'financial_obligation') AND s.appointment_at < $2) AS overdue,
              CASE WHEN d.lookup_key_hash = $3 THEN d.applicant->>'fullName' END AS "applicantName",
              CASE WHEN d.lookup_key_hash = $3 THEN (${TIMELINE}) END AS timeline
         FROM dossier_status s JOIN dossiers d ON d.code = s.code WHERE s.code = $1`,
      [code, now, keyHash],
    );
    const row = rows[0];
    if (!row) return undefined;
    const timeline = row.timeline?.map((step) => ({ ...step, at: new Date(step.at) }));
    return { ...row, timeline: timeline ?? null };
  }
}

/** A status row with the stored key hash and, when the given key hash matched, the name and timeline. */
export type StatusWithKeyed = StatusRow & { lookupKeyHash: string; applicantName: string | null; timeline: TimelineRow[] | null };

type RawTimelineRow = Omit<TimelineRow, 'at'> & { at: string };

/**
 * The public steps of the dossier `d` as a JSON array: reception, each step of the instance, and
 * the desk's actions, in time order.
 */
const TIMELINE = `
  SELECT json_agg(json_build_object('at', at, 'step', step, 'statusLabel', "statusLabel", 'current', current) ORDER BY at, ord) FROM (
    SELECT d.received_at AS at, 'Tiếp nhận hồ sơ' AS step, 'Đã tiếp nhận' AS "statusLabel", false AS current, 0 AS ord
    UNION ALL
    SELECT t.created_at, t.name, NULL, t.status = 'open', 1 FROM tasks t
     WHERE t.instance_id = d.instance_id AND t.status <> 'cancelled' AND t.name <> ''
    UNION ALL
    SELECT e.at, CASE e.type WHEN 'supplement-request' THEN 'Yêu cầu bổ sung hồ sơ' WHEN 'supplement-received' THEN 'Đã nhận hồ sơ bổ sung'
             WHEN 'refuse' THEN 'Từ chối giải quyết' WHEN 'withdraw' THEN 'Rút hồ sơ' WHEN 'apology' THEN 'Xin lỗi và hẹn lại ngày trả'
             WHEN 'return' THEN 'Trả kết quả' ELSE e.type END, NULL, false, 2
      FROM dossier_events e WHERE e.code = d.code AND e.type <> 'received'
  ) x`;
