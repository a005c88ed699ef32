import { instanceStepsSql } from '../../../workflow/src';

/**
 * The public steps of the dossier `d` as a JSON array: reception, each step of the instance (as
 * libs/workflow publishes them), and the desk's actions, in time order.
 */
const TIMELINE = `
  SELECT json_agg(json_build_object('at', at, 'step', step, 'statusLabel', "statusLabel", 'current', current) ORDER BY at, ord) FROM (
    SELECT d.received_at AS at, 'Tiếp nhận hồ sơ' AS step, 'Đã tiếp nhận' AS "statusLabel", false AS current, 0 AS ord
    UNION ALL
    SELECT st.at, st.step, NULL, st.current, 1 FROM (${instanceStepsSql('d.instance_id')}) st
    UNION ALL
    SELECT e.at, CASE e.type WHEN 'supplement-request' THEN 'Yêu cầu bổ sung hồ sơ' WHEN 'supplement-received' THEN 'Đã nhận hồ sơ bổ sung'
             WHEN 'refuse' THEN 'Từ chối giải quyết' WHEN 'withdraw' THEN 'Rút hồ sơ' WHEN 'apology' THEN 'Xin lỗi và hẹn lại ngày trả'
             WHEN 'return' THEN 'Trả kết quả' ELSE e.type END, NULL, false, 2
      FROM dossier_events e WHERE e.code = d.code AND e.type <> 'received'
  ) x`;

/**
 * The public lookup's one statement (libs/tracking prepares it once per connection): `$1` the code,
 * `$2` now, `$3` the hash of the key the caller gave (or null). It answers the `dossier_status` row;
 * the stored key hash; the overdue flag; and, only when the stored key hash equals `$3`, the
 * applicant's name and the public timeline. libs/dossiers owns the tables, so it publishes the
 * statement and channels read it as they read a projection (issue 17 item 4).
 */
export const PUBLIC_STATUS_SQL = `SELECT s.code, s.status, s.status_label AS "statusLabel", s.procedure_name AS "procedureName", s.unit_name AS "unitName",
              s.appointment_at AS "appointmentAt", d.lookup_key_hash AS "lookupKeyHash",
              CASE WHEN s.status = 'rejected' THEN s.public_reason END AS reason,
              (s.status IN ('received', 'processing', 'financial_obligation') AND s.appointment_at < $2) AS overdue,
              CASE WHEN d.lookup_key_hash = $3 THEN d.applicant->>'fullName' END AS "applicantName",
              CASE WHEN d.lookup_key_hash = $3 THEN (${TIMELINE}) END AS timeline
         FROM dossier_status s JOIN dossiers d ON d.code = s.code WHERE s.code = $1`;
