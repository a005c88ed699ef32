/**
 * What libs/payments checks before asking a gateway to take a dossier's fee, for dossier $1: `code, status,
 * lookupKeyHash, procedureCode` and the procedure's `fee` (VND, 0 when it charges none). Published by
 * libs/dossiers, which owns `dossiers` and `procedures` (ADR 0029).
 */
export const DOSSIER_PAYMENT_CONTEXT_SQL = `SELECT d.code, d.status, d.lookup_key_hash AS "lookupKeyHash", d.procedure_code AS "procedureCode",
              COALESCE(p.fee, 0)::int AS fee
         FROM dossiers d LEFT JOIN procedures p ON p.code = d.procedure_code WHERE d.code = $1`;
