import { normalisedPhoneSql } from '../../../common/src';

/**
 * What libs/files checks before storing or serving a dossier's file, for dossier $1: `code, status, instanceId,
 * lookupKeyHash`, the codes of the procedure's required documents (`documentKeys`) and whether it issues an
 * electronic result (`electronicResult`), and the applicant's phone, normalised (`applicantPhone`: the
 * signed-in citizen's results, issue 18 item 4). Published by libs/dossiers, which owns `dossiers` and `procedures`,
 * so libs/files names neither table (issue 17 item 4).
 */
export const DOSSIER_FILE_CONTEXT_SQL = `SELECT d.code, d.status, d.instance_id AS "instanceId", d.lookup_key_hash AS "lookupKeyHash",
              COALESCE((SELECT array_agg(doc->>'code') FROM jsonb_array_elements(p.required_documents) doc), '{}') AS "documentKeys",
              COALESCE(p.electronic_result, false) AS "electronicResult",
              ${normalisedPhoneSql(`d.applicant->>'phone'`)} AS "applicantPhone"
         FROM dossiers d LEFT JOIN procedures p ON p.code = d.procedure_code WHERE d.code = $1`;
