import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface StatusRow {
  code: string;
  status: string;
  statusLabel: string;
  procedureName: string;
  unitName: string;
  appointmentAt: Date;
  overdue: boolean;
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
  constructor(private readonly db: DataSource) {}

  async findStatus(code: string, now: Date): Promise<(StatusRow & { lookupKeyHash: string }) | undefined> {
    const rows = await this.db.query(
      `SELECT s.code, s.status, s.status_label AS "statusLabel", s.procedure_name AS "procedureName", s.unit_name AS "unitName",
              s.appointment_at AS "appointmentAt", d.lookup_key_hash AS "lookupKeyHash",
              (s.status IN ('received', 'processing', 'financial_obligation') AND s.appointment_at < $2) AS overdue
         FROM dossier_status s JOIN dossiers d ON d.code = s.code WHERE s.code = $1`,
      [code, now],
    );
    return rows[0];
  }

  async applicantName(code: string): Promise<string> {
    const rows = await this.db.query(`SELECT applicant->>'fullName' AS name FROM dossiers WHERE code = $1`, [code]);
    return rows[0]?.name ?? '';
  }

  /** The public steps: reception, each step of the instance, and the desk's actions. */
  async timeline(code: string): Promise<TimelineRow[]> {
    return this.db.query(
      `SELECT at, step, "statusLabel", current FROM (
         SELECT d.received_at AS at, 'Tiếp nhận hồ sơ' AS step, 'Đã tiếp nhận' AS "statusLabel", false AS current, 0 AS ord FROM dossiers d WHERE d.code = $1
         UNION ALL
         SELECT t.created_at, t.name, NULL, t.status = 'open', 1 FROM tasks t JOIN dossiers d ON d.instance_id = t.instance_id
          WHERE d.code = $1 AND t.status <> 'cancelled' AND t.name <> ''
         UNION ALL
         SELECT e.at, CASE e.type WHEN 'supplement-request' THEN 'Yêu cầu bổ sung hồ sơ' WHEN 'supplement-received' THEN 'Đã nhận hồ sơ bổ sung'
                  WHEN 'refuse' THEN 'Từ chối giải quyết' WHEN 'withdraw' THEN 'Rút hồ sơ' WHEN 'apology' THEN 'Xin lỗi và hẹn lại ngày trả'
                  WHEN 'return' THEN 'Trả kết quả' ELSE e.type END, NULL, false, 2
           FROM dossier_events e WHERE e.code = $1 AND e.type <> 'received'
       ) x ORDER BY at, ord`,
      [code],
    );
  }
}
