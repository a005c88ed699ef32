import { AppError } from '../../../common/src';
import type { Procedure, RequiredDocument } from './procedure.types';

/** A document as received at the desk: the catalog entry and how many sets were handed in. */
export interface ReceivedDocument extends RequiredDocument {
  copies: number;
}

/**
 * Checks what the applicant handed in against the catalog (NĐ 61/2018 Art. 19: the desk
 * receives only a complete dossier). Items are document codes or `{code, copies?}`.
 * 400 `DOCUMENT_UNKNOWN` for a code the procedure does not list, 400 `DOCUMENT_MISSING`
 * naming the first required document that is absent.
 */
export function checkDocuments(procedure: Procedure, submitted: readonly unknown[] | undefined): ReceivedDocument[] {
  const given = new Map<string, number>();
  for (const item of submitted ?? []) {
    const code = typeof item === 'string' ? item : (item as { code?: unknown })?.code;
    const copiesRaw = typeof item === 'object' && item ? (item as { copies?: unknown }).copies : undefined;
    const copies = Number.isInteger(copiesRaw) && (copiesRaw as number) > 0 ? (copiesRaw as number) : 1;
    if (typeof code !== 'string' || !procedure.requiredDocuments.some((d) => d.code === code)) {
      throw AppError.badRequest('DOCUMENT_UNKNOWN', `Procedure ${procedure.code} lists no document ${String(code)}`, {
        documentCode: code ?? null,
      });
    }
    given.set(code, copies);
  }
  const missing = procedure.requiredDocuments.find((d) => d.required && !given.has(d.code));
  if (missing) {
    throw AppError.badRequest('DOCUMENT_MISSING', `Missing required document: ${missing.name}`, {
      documentCode: missing.code,
      name: missing.name,
    });
  }
  return procedure.requiredDocuments
    .filter((d) => given.has(d.code))
    .map((d) => ({ ...d, copies: given.get(d.code) ?? 1 }));
}
