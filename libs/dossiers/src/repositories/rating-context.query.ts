/**
 * What libs/tracking checks before it takes a satisfaction rating of dossier `$1` (ADR 0030): the code,
 * the status, the stored lookup-key hash, the applicant's phone (the SMS path proves the sender is the
 * applicant), the unit and procedure the rating is counted under, and when the result was returned.
 * Published by libs/dossiers, which owns `dossiers`, so libs/tracking names no dossier table.
 */
export const DOSSIER_RATING_CONTEXT_SQL = `SELECT d.code, d.status, d.lookup_key_hash AS "lookupKeyHash", d.applicant->>'phone' AS phone,
              d.unit_code AS "unitCode", d.procedure_code AS "procedureCode", d.returned_at AS "returnedAt"
         FROM dossiers d WHERE d.code = $1`;
