import { normalisedPhoneSql } from '../../../common/src';
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

/** The applicant's phone of dossier `d` in the normal form `dossiers_applicant_phone_idx` indexes (migration 1764601100000). */
const APPLICANT_PHONE = normalisedPhoneSql(`d.applicant->>'phone'`);

/**
 * The citizen-facing messages of the desk on dossier `d` (issue 18 item 4), in time order: a supplement
 * request's reason and documents (a listed document by its name in the catalog), an apology's reason and new date, a refusal's public reason (ADR 0011) —
 * never officers' opinions, notes, a withdrawal's reason or who acted.
 */
const DESK_MESSAGES = `
  SELECT json_agg(json_build_object('at', e.at, 'kind', CASE e.type WHEN 'supplement-request' THEN 'supplement_request' WHEN 'refuse' THEN 'refusal' ELSE e.type END,
           'text', CASE WHEN e.type = 'refuse' THEN s.public_reason ELSE NULLIF(btrim(e.data->>'reason'), '') END,
           'documents', CASE WHEN e.type = 'supplement-request' THEN (
              SELECT COALESCE(json_agg(COALESCE(
                       (SELECT r->>'name' FROM procedures p, jsonb_array_elements(p.required_documents) r
                         WHERE p.code = d.procedure_code AND r->>'code' = doc.value), doc.value) ORDER BY doc.ordinality), '[]')
                FROM jsonb_array_elements_text(COALESCE(e.data->'documents', '[]'::jsonb)) WITH ORDINALITY doc) END,
           'appointmentAt', CASE WHEN e.type = 'apology' THEN e.data->>'appointmentAt' END) ORDER BY e.at, e.id)
    FROM dossier_events e WHERE e.code = d.code AND e.type IN ('supplement-request', 'apology', 'refuse')`;

/**
 * "My dossiers" (issue 18 item 4): the dossiers whose applicant's phone is the signed-in citizen's verified
 * phone (`$1`, normalised), newest first, at most 200; `$2` now (overdue). Rows as the public lookup's.
 */
export const CITIZEN_DOSSIERS_SQL = `SELECT s.code, s.status, s.status_label AS "statusLabel", s.procedure_name AS "procedureName",
              s.unit_name AS "unitName", s.appointment_at AS "appointmentAt", d.received_at AS "receivedAt",
              (s.status IN ('received', 'processing', 'financial_obligation') AND s.appointment_at < $2) AS overdue
         FROM dossiers d JOIN dossier_status s ON s.code = d.code
        WHERE ${APPLICANT_PHONE} = $1 ORDER BY d.received_at DESC, d.code DESC LIMIT 200`;

/**
 * One of the citizen's dossiers: `$1` the code, `$2` now, `$3` the citizen's verified phone. The public lookup's
 * row and timeline (the same TIMELINE as with the lookup key), the desk's messages and whether the procedure
 * returns its result electronically; no row when the dossier is another phone's (the caller answers 404).
 */
export const CITIZEN_DOSSIER_SQL = `SELECT s.code, s.status, s.status_label AS "statusLabel", s.procedure_name AS "procedureName", s.unit_name AS "unitName",
              s.appointment_at AS "appointmentAt", d.received_at AS "receivedAt",
              CASE WHEN s.status = 'rejected' THEN s.public_reason END AS reason,
              (s.status IN ('received', 'processing', 'financial_obligation') AND s.appointment_at < $2) AS overdue,
              d.applicant->>'fullName' AS "applicantName", (${TIMELINE}) AS timeline, (${DESK_MESSAGES}) AS messages,
              COALESCE((SELECT p.electronic_result FROM procedures p WHERE p.code = d.procedure_code), false) AS "electronicResult"
         FROM dossier_status s JOIN dossiers d ON d.code = s.code WHERE s.code = $1 AND ${APPLICANT_PHONE} = $3`;
